#Requires -Version 5.1
<#
.SYNOPSIS
    Collects the Exchange configuration stigsmith evaluates, as one JSON file.

.DESCRIPTION
    Runs the read-only Exchange cmdlets listed in $Cmdlets below (Get-* only) on this server, reads the
    registry keys listed in $RegistryKeys, the Windows services, the permissions of the folders listed in
    $FolderRights and a few host facts, and writes them in the stigsmith host data
    format, version 1 (schemas/hostdata/hostdata-format.md). Values are normalised on the way: enums and flags by
    name, sizes in bytes or "Unlimited", time spans as "[d.]hh:mm:ss", multi-valued properties as arrays
    of strings, $null as null.

    A cmdlet that fails is recorded with "ok": false and its error text, and collection goes on; the
    evaluator then reports "error" for the rules that need that cmdlet only. Nothing on the server is
    changed: the only file written is -OutFile.

    Run it in Windows PowerShell 5.1 on the server, or in the Exchange Management Shell. On an Edge
    Transport server the Exchange snap-in is loaded when the Exchange cmdlets are missing. PowerShell 7
    can run it only where the Exchange cmdlets are already there (a remote Exchange session), as
    PowerShell 7 cannot load snap-ins.

.PARAMETER OutFile
    Where to write the JSON (UTF-8 without BOM). Default: <COMPUTERNAME>-stigsmith.json in the current
    folder. An existing file is replaced only once the new one is complete.

.EXAMPLE
    .\Collect-ExchangeStigData.ps1

    Writes EDGE01-stigsmith.json in the current folder (on a server named EDGE01).

.EXAMPLE
    .\Collect-ExchangeStigData.ps1 -OutFile D:\stig\EDGE01.json -Verbose

    Names the output file and shows each step.

.NOTES
    Run as a local administrator (the Edge Transport cmdlets and the registry keys need it), or in the
    Exchange Management Shell as a user with the View-Only Configuration role.
#>
[CmdletBinding()]
param(
    [Parameter()]
    [string] $OutFile = ('{0}-stigsmith.json' -f $env:COMPUTERNAME)
)

$ErrorActionPreference = 'Stop'
$CollectorVersion = '1.2.0'

# ---- stigsmith:cmdlets begin --------------------------------------------------------------------------
# The cmdlets run, one per line: Name (a Get-* cmdlet) and the parameters it is called with.
# The test suite checks this list against the cmdlets the generated OVAL content reads.
$Cmdlets = @(
    @{ Name = 'Get-SendConnector';    Parameters = @{} }
    @{ Name = 'Get-ReceiveConnector'; Parameters = @{ Server = $env:COMPUTERNAME } }
    @{ Name = 'Get-TransportService'; Parameters = @{ Identity = $env:COMPUTERNAME } }
    @{ Name = 'Get-TransportConfig';  Parameters = @{} }
    @{ Name = 'Get-ExchangeServer';   Parameters = @{ Identity = $env:COMPUTERNAME; Status = $true } }
    # Edge 2016 STIG: diagnostic logging, organisation settings, the antispam agents' configuration.
    @{ Name = 'Get-EventLogLevel';          Parameters = @{} }
    @{ Name = 'Get-OrganizationConfig';     Parameters = @{} }
    @{ Name = 'Get-SenderFilterConfig';     Parameters = @{} }
    @{ Name = 'Get-ContentFilterConfig';    Parameters = @{} }
    @{ Name = 'Get-SenderIdConfig';         Parameters = @{} }
    @{ Name = 'Get-SenderReputationConfig'; Parameters = @{} }
    @{ Name = 'Get-RecipientFilterConfig';  Parameters = @{} }
    @{ Name = 'Get-IPAllowListConfig';      Parameters = @{} }
    @{ Name = 'Get-IPAllowListEntry';       Parameters = @{} }
    @{ Name = 'Get-IPBlockListProvider';    Parameters = @{} }
    @{ Name = 'Get-TransportAgent';         Parameters = @{} }
    @{ Name = 'Get-ExchangeCertificate';    Parameters = @{} }
    @{ Name = 'Get-AcceptedDomain';         Parameters = @{} }
    # Mailbox server (Exchange 2016 Mailbox STIG). On an Edge server these are absent and recorded as failed.
    @{ Name = 'Get-AdminAuditLogConfig';       Parameters = @{} }
    @{ Name = 'Get-RemoteDomain';              Parameters = @{} }
    @{ Name = 'Get-MailboxDatabase';           Parameters = @{ Server = $env:COMPUTERNAME } }
    @{ Name = 'Get-DatabaseAvailabilityGroup'; Parameters = @{} }
    @{ Name = 'Get-RpcClientAccess';           Parameters = @{ Server = $env:COMPUTERNAME } }
    @{ Name = 'Get-OwaVirtualDirectory';       Parameters = @{ Server = $env:COMPUTERNAME } }
    @{ Name = 'Get-OutlookAnywhere';           Parameters = @{ Server = $env:COMPUTERNAME } }
    @{ Name = 'Get-Mailbox';                   Parameters = @{ Server = $env:COMPUTERNAME; ResultSize = 'Unlimited' } }
    @{ Name = 'Get-WebBinding';                Parameters = @{} }
)
# ---- stigsmith:cmdlets end ----------------------------------------------------------------------------

# ---- stigsmith:registry begin -------------------------------------------------------------------------
# The registry keys read (every value of each key), one per line, checked like the cmdlets.
$RegistryKeys = @(
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup'
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\EdgeTransportRole'
    'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
    'HKLM\SOFTWARE\Policies\Microsoft\Windows\PowerShell'
    'HKLM\SOFTWARE\Microsoft\PowerShell\1\ShellIds\Microsoft.PowerShell'
    # Exchange 2019 Edge STIG: .NET strong cryptography (EX19-ED-000006).
    'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319'
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\MailboxRole'
    # Mailbox 2016 STIG: the IMAP4 and POP3 services' start type (EX16-MB-000180, -000190).
    'HKLM\SYSTEM\CurrentControlSet\Services\MSExchangeIMAP4'
    'HKLM\SYSTEM\CurrentControlSet\Services\MSExchangePOP3'
)
# ---- stigsmith:registry end ---------------------------------------------------------------------------

# ---- stigsmith:folders begin --------------------------------------------------------------------------
# The folders whose permissions are read, one per line: a registry value (in a key of $RegistryKeys)
# holding a folder path, and the relative path appended to it ('' for the folder itself).
$FolderRights = @(
    @{ Key = 'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup'; Name = 'MsiInstallPath'; Append = '' }
    @{ Key = 'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup'; Name = 'MsiInstallPath'; Append = 'Logging' }
)
# ---- stigsmith:folders end ----------------------------------------------------------------------------

# ---- stigsmith:xmlfiles begin -------------------------------------------------------------------------
# The XML files copied whole (configuration files the OVAL reads with XPath), one per line: a registry
# value naming a folder, and the file's path below it, e.g.
#   @{ Key = 'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup'; Name = 'MsiInstallPath'; Append = 'Bin\EdgeTransport.exe.config' }
$XmlFiles = @(
    # Exchange 2019 Edge STIG: the queue database's location (EX19-ED-000094).
    @{ Key = 'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup'; Name = 'MsiInstallPath'; Append = 'Bin\EdgeTransport.exe.config' }
)
# ---- stigsmith:xmlfiles end ---------------------------------------------------------------------------

function ConvertTo-StigValue {
    # One property value in the format's normalised form: null, bool, integer, string or string[].
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) { return $Value }
    if ($Value -is [bool]) { return $Value }
    if ($Value -is [enum]) { return $Value.ToString() }
    # Through a remote Exchange session enums, sizes and identities arrive as deserialized objects
    # whose text is the original ToString ("EncryptionOnly", "35 MB (36,700,160 bytes)"); [string]
    # gives that text, where .ToString() would reach the base value (an enum's number).
    $typeName = @($Value.PSObject.TypeNames)[0]
    if ($typeName -like 'Deserialized.*' -and -not ($Value -is [System.Collections.IEnumerable])) {
        return [string]$Value
    }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [int16] -or $Value -is [byte] -or $Value -is [sbyte] -or
        $Value -is [uint16] -or $Value -is [uint32] -or $Value -is [uint64]) {
        return [long]$Value
    }
    if ($Value -is [double] -or $Value -is [single] -or $Value -is [decimal]) {
        return $Value.ToString([Globalization.CultureInfo]::InvariantCulture)
    }
    if ($Value -is [datetime]) { return $Value.ToString('o', [Globalization.CultureInfo]::InvariantCulture) }
    # TimeSpan.ToString() is the invariant "[-][d.]hh:mm:ss[.fffffff]"; EnhancedTimeSpan prints the same.
    if ($Value -is [timespan]) { return $Value.ToString() }
    if ($Value -is [byte[]]) { return [BitConverter]::ToString($Value) }
    $type = $Value.GetType().FullName
    if ($type -like 'Microsoft.Exchange.Data.Unlimited*') {
        if ($Value.IsUnlimited) { return 'Unlimited' }
        return ConvertTo-StigValue $Value.Value
    }
    if ($type -eq 'Microsoft.Exchange.Data.ByteQuantifiedSize') { return [long]$Value.ToBytes() }
    if ($Value -is [System.Collections.IEnumerable] -and -not ($Value -is [System.Collections.IDictionary])) {
        $items = @(foreach ($item in $Value) { if ($null -ne $item) { [string](ConvertTo-StigValue $item) } })
        # The comma keeps an empty or one-item array an array on its way out of the function.
        return , $items
    }
    return $Value.ToString()
}

function ConvertTo-StigObject {
    # One object returned by a cmdlet, as an ordered name -> value map of its properties.
    param($InputObject)
    $out = [ordered]@{}
    foreach ($p in $InputObject.PSObject.Properties) {
        if ($p.MemberType -notin 'Property', 'NoteProperty') { continue }
        # Some Exchange property getters throw on partly configured objects; such a value is unknown.
        $v = $null
        try { $v = $p.Value } catch { Write-Verbose "  $($p.Name): $($_.Exception.Message)" }
        $out[$p.Name] = ConvertTo-StigValue $v
    }
    return $out
}

function Get-StigCmdletOutput {
    # Runs one entry of $Cmdlets; a failure is recorded, not thrown.
    param($Cmdlet)
    $parameters = $Cmdlet.Parameters
    $command = (@($Cmdlet.Name) + @($parameters.Keys | Sort-Object | ForEach-Object { "-$_ $($parameters[$_])" })) -join ' '
    Write-Verbose "running $command"
    $entry = [ordered]@{ command = $command; ok = $true; error = $null; objects = @() }
    try {
        $objects = @(& $Cmdlet.Name @parameters -ErrorAction Stop)
        $entry.objects = @($objects | ForEach-Object { ConvertTo-StigObject $_ })
        Write-Verbose ('  {0} object(s)' -f $objects.Count)
    } catch {
        $entry.ok = $false
        $entry.error = ($_.Exception.Message -replace '\s+', ' ').Trim()
        if (-not $entry.error) { $entry.error = $_.Exception.GetType().FullName }
        $entry.objects = @()
        Write-Warning "$($Cmdlet.Name) failed: $($entry.error)"
    }
    return [pscustomobject]@{ Entry = $entry; Objects = $objects }
}

function Get-StigRegistry {
    # Every value of each key in $RegistryKeys; a key that does not exist is left out.
    $result = [ordered]@{}
    # The 64-bit view: a 32-bit PowerShell would otherwise be redirected to WOW6432Node.
    $hklm = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine,
        [Microsoft.Win32.RegistryView]::Registry64)
    try {
        foreach ($key in $RegistryKeys) {
            $subKey = $key -replace '^HKLM\\', ''
            $item = $hklm.OpenSubKey($subKey)
            if ($null -eq $item) { Write-Verbose "registry key absent: $key"; continue }
            try {
                $values = [ordered]@{}
                foreach ($name in @($item.GetValueNames() | Sort-Object)) {
                    if ($name -eq '') { continue }
                    $v = $item.GetValue($name)
                    # Binary values are left out: no check reads them, and some (DigitalProductId) encode secrets.
                    if ($v -is [byte[]]) { continue }
                    if ($v -is [string[]]) { $values[$name] = @($v) }
                    else { $values[$name] = ConvertTo-StigValue $v }
                }
                $result[$key] = $values
            } finally {
                $item.Close()
            }
        }
    } finally {
        $hklm.Close()
    }
    return $result
}

function Get-StigService {
    # Every Windows service: name, start mode, state, account, binary path and type, as Win32_Service has them.
    try {
        $result = [ordered]@{}
        foreach ($svc in @(Get-CimInstance -ClassName Win32_Service -ErrorAction Stop | Sort-Object -Property Name)) {
            $result[[string]$svc.Name] = [ordered]@{
                displayName = [string]$svc.DisplayName
                startMode   = if ($svc.StartMode) { [string]$svc.StartMode } else { 'Unknown' }
                state       = if ($svc.State) { [string]$svc.State } else { 'Unknown' }
                startName   = if ($null -ne $svc.StartName) { [string]$svc.StartName } else { $null }
                path        = if ($null -ne $svc.PathName) { [string]$svc.PathName } else { $null }
                serviceType = if ($null -ne $svc.ServiceType) { [string]$svc.ServiceType } else { $null }
            }
        }
        return $result
    } catch {
        # Left out of the document: checks on services then report "not collected", not "absent".
        Write-Warning "services not collected: $($_.Exception.Message)"
        return $null
    }
}

function Get-StigRightsMask {
    # One ACE's access mask with generic rights mapped to the file rights they stand for (as Windows
    # maps them for files), so that what a trustee may do reads the same however the ACE was written.
    param([long] $Mask)
    $mapped = $Mask -band [long]0x0FFFFFFF
    if ($Mask -band [long]2147483648) { $mapped = $mapped -bor [long]0x120089 }
    if ($Mask -band [long]0x40000000) { $mapped = $mapped -bor [long]0x120116 }
    if ($Mask -band [long]0x20000000) { $mapped = $mapped -bor [long]0x1200A0 }
    if ($Mask -band [long]0x10000000) { $mapped = $mapped -bor [long]0x1F01FF }
    return $mapped
}

function Get-StigFolderRights {
    # Per folder of $FolderRights: each trustee SID's rights on the folder itself, the allow ACEs minus
    # the deny ACEs that apply to it (inherit-only ACEs do not); groups are not expanded. A folder that
    # does not exist is left out.
    param($Registry)
    $result = [ordered]@{}
    foreach ($f in $FolderRights) {
        $key = $null
        foreach ($k in $Registry.Keys) { if ($k -eq $f.Key) { $key = $Registry[$k] } }
        if ($null -eq $key -or -not $key.Contains($f.Name)) { Write-Verbose "no $($f.Key)\$($f.Name): folder not read"; continue }
        $folder = ([string]$key[$f.Name]).TrimEnd('\')
        if ($f.Append) { $folder = $folder + '\' + $f.Append }
        if ($result.Contains($folder)) { continue }
        if (-not (Test-Path -LiteralPath $folder -PathType Container)) { Write-Verbose "folder absent: $folder"; continue }
        try {
            $acl = Get-Acl -LiteralPath $folder -ErrorAction Stop
            $rules = $acl.GetAccessRules($true, $true, [Security.Principal.SecurityIdentifier])
            $allow = @{}
            $deny = @{}
            foreach ($rule in $rules) {
                if (($rule.PropagationFlags -band [Security.AccessControl.PropagationFlags]::InheritOnly) -ne 0) { continue }
                $sid = $rule.IdentityReference.Value
                $mask = Get-StigRightsMask (([long]$rule.FileSystemRights.value__ -band [long]4294967295))
                $table = if ($rule.AccessControlType -eq [Security.AccessControl.AccessControlType]::Deny) { $deny } else { $allow }
                if ($table.ContainsKey($sid)) { $table[$sid] = $table[$sid] -bor $mask } else { $table[$sid] = $mask }
            }
            $trustees = [ordered]@{}
            foreach ($sid in @(@($allow.Keys) + @($deny.Keys) | Sort-Object -Unique)) {
                $granted = if ($allow.ContainsKey($sid)) { $allow[$sid] } else { [long]0 }
                if ($deny.ContainsKey($sid)) { $granted = $granted -band (-bnot $deny[$sid]) }
                $name = $null
                try { $name = ([Security.Principal.SecurityIdentifier]$sid).Translate([Security.Principal.NTAccount]).Value } catch { Write-Verbose "no account name for $sid" }
                $trustees[$sid] = [ordered]@{ name = $name; rights = [long]($granted -band [long]4294967295) }
            }
            $result[$folder] = $trustees
        } catch {
            Write-Warning "permissions of $folder not read: $($_.Exception.Message)"
        }
    }
    return $result
}

function Get-StigXmlFile {
    # The text of each file of $XmlFiles that exists; XPath is applied by stigsmith, as the OVAL says.
    param($Registry)
    $result = [ordered]@{}
    foreach ($x in $XmlFiles) {
        $key = $null
        foreach ($k in $Registry.Keys) { if ($k -eq $x.Key) { $key = $Registry[$k] } }
        if ($null -eq $key -or -not $key.Contains($x.Name)) { Write-Verbose "no $($x.Key)\$($x.Name): file not read"; continue }
        $file = ([string]$key[$x.Name]).TrimEnd('\') + '\' + $x.Append
        if (-not (Test-Path -LiteralPath $file -PathType Leaf)) { Write-Verbose "file absent: $file"; continue }
        try {
            $result[$file] = [IO.File]::ReadAllText($file)
        } catch {
            Write-Warning "$file not read: $($_.Exception.Message)"
        }
    }
    return $result
}

function Use-ExchangeSnapIn {
    # An Edge Transport server has no remote PowerShell endpoint: the local snap-in is the way in.
    if (Get-Command Get-SendConnector -ErrorAction SilentlyContinue) { return }
    if ($PSVersionTable.PSEdition -eq 'Core') {
        Write-Warning 'Exchange cmdlets not found, and PowerShell 7 cannot load the Exchange snap-in: run this script in Windows PowerShell 5.1.'
        return
    }
    Write-Verbose 'Exchange cmdlets not loaded; adding the Exchange snap-in'
    try {
        Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn -ErrorAction Stop
    } catch {
        Write-Warning "Exchange snap-in could not be loaded: $($_.Exception.Message)"
    }
}

function Get-StigHost {
    # Host facts; each is best effort, as a missing fact must not stop the collection.
    param($ExchangeServer)
    $os = $null
    $nics = @()
    try {
        $os = Get-CimInstance -ClassName Win32_OperatingSystem -ErrorAction Stop
        $nics = @(Get-CimInstance -ClassName Win32_NetworkAdapterConfiguration -Filter 'IPEnabled = True' -ErrorAction Stop)
    } catch {
        Write-Warning "host facts incomplete: $($_.Exception.Message)"
    }
    $ips = @($nics | ForEach-Object { $_.IPAddress } | Where-Object { $_ })
    $exchange = $null
    if ($null -ne $ExchangeServer) {
        # AdminDisplayVersion prints as "Version 15.1 (Build 2507.6)", locally and through remoting alike.
        $build = [string]$ExchangeServer.AdminDisplayVersion
        $version = $null
        if ($build -match 'Version (\d+)\.(\d+) \(Build (\d+)\.(\d+)\)') {
            $version = '{0}.{1}.{2}.{3}' -f $Matches[1], $Matches[2], $Matches[3], $Matches[4]
        }
        $exchange = [ordered]@{
            version = $version
            build   = $build
            edition = [string]$ExchangeServer.Edition
            roles   = @(([string]$ExchangeServer.ServerRole) -split ',\s*' | Where-Object { $_ })
        }
    }
    # Edge servers are usually not domain members; DNS knows their suffix.
    $fqdn = $null
    try { $fqdn = [Net.Dns]::GetHostEntry($env:COMPUTERNAME).HostName.ToLowerInvariant() } catch { Write-Verbose 'no DNS name for this host' }
    if ($fqdn -and $fqdn -notlike '*.*') { $fqdn = $null }
    $arch = $null
    if ($null -ne $os) { $arch = if ([string]$os.OSArchitecture -like '64*') { 'x64' } else { [string]$os.OSArchitecture } }
    return [ordered]@{
        hostName     = $env:COMPUTERNAME
        fqdn         = $fqdn
        ipv4         = @($ips | Where-Object { $_ -notlike '*:*' })
        ipv6         = @($ips | Where-Object { $_ -like '*:*' })
        macAddresses = @($nics | ForEach-Object { $_.MACAddress } | Where-Object { $_ } | ForEach-Object { $_ -replace ':', '-' })
        osName       = if ($null -ne $os) { [string]$os.Caption } else { $null }
        osVersion    = if ($null -ne $os) { [string]$os.Version } else { $null }
        architecture = $arch
        exchange     = $exchange
    }
}

# Resolved against PowerShell's current folder, which .NET's current directory need not be.
$target = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)

Use-ExchangeSnapIn

$cmdletResults = [ordered]@{}
$exchangeServer = $null
foreach ($c in $Cmdlets) {
    $run = Get-StigCmdletOutput $c
    $cmdletResults[$c.Name] = $run.Entry
    if ($c.Name -eq 'Get-ExchangeServer' -and $run.Entry.ok -and @($run.Objects).Count -gt 0) {
        $exchangeServer = @($run.Objects)[0]
    }
}

$registry = Get-StigRegistry

$invariant = [Globalization.CultureInfo]::InvariantCulture
$document = [ordered]@{
    format    = 'stigsmith-hostdata'
    version   = 1
    collected = (Get-Date).ToString("yyyy-MM-dd'T'HH':'mm':'sszzz", $invariant)
    collector = [ordered]@{
        name              = 'Collect-ExchangeStigData.ps1'
        version           = $CollectorVersion
        powershellVersion = $PSVersionTable.PSVersion.ToString()
        powershellEdition = [string]$PSVersionTable.PSEdition
        user              = [Security.Principal.WindowsIdentity]::GetCurrent().Name
    }
    host      = Get-StigHost $exchangeServer
    registry  = $registry
}
$services = Get-StigService
if ($null -ne $services) { $document.services = $services }
$document.folderRights = Get-StigFolderRights $registry
$document.xmlFiles = Get-StigXmlFile $registry
$document.cmdlets = $cmdletResults

# Depth: document > cmdlets > cmdlet > objects > object > property > list item is 6 levels; deeper
# levels would silently become ToString text.
$json = ConvertTo-Json -InputObject $document -Depth 10

# Written beside the target, then swapped in, so a failed run never leaves half a file.
$temp = $target + '.tmp'
[IO.File]::WriteAllText($temp, $json, [Text.UTF8Encoding]::new($false))
if ([IO.File]::Exists($target)) {
    [IO.File]::Replace($temp, $target, [NullString]::Value)
} else {
    [IO.File]::Move($temp, $target)
}
Write-Verbose "written: $target"
