<#
.SYNOPSIS
    Collects the Exchange configuration stigsmith evaluates, as one JSON file.

.DESCRIPTION
    Runs a fixed list of read-only Exchange cmdlets (Get-* only) on this server, reads a few registry
    keys and host facts, and writes them in the stigsmith host data format, version 1
    (docs/hostdata-format.md). Values are normalised on the way: enums by name, sizes in bytes or
    "Unlimited", time spans as "d.hh:mm:ss", multi-valued properties as arrays of strings.

    A cmdlet that fails is recorded with "ok": false and its error text; collection goes on.
    Nothing on the server is changed. Run it in the Exchange Management Shell, or in Windows
    PowerShell 5.1 / PowerShell 7 on the server (on an Edge Transport server the Exchange snap-in is
    loaded when the cmdlets are missing).

.PARAMETER OutFile
    Where to write the JSON. Default: .\<COMPUTERNAME>-stigsmith.json

.EXAMPLE
    .\Collect-ExchangeStigData.ps1 -OutFile D:\stig\EDGE01.json -Verbose

.NOTES
    Requires local administrator rights for the registry keys and the Exchange cmdlets.
#>
[CmdletBinding()]
param(
    [string] $OutFile = (Join-Path (Get-Location) ("{0}-stigsmith.json" -f $env:COMPUTERNAME))
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

# What is collected. Add a cmdlet here and it is collected and written; nothing else to change.
$CollectorVersion = '1.0.0'
$Cmdlets = @(
    @{ Name = 'Get-SendConnector';    Run = { Get-SendConnector } }
    @{ Name = 'Get-ReceiveConnector'; Run = { Get-ReceiveConnector -Server $env:COMPUTERNAME } }
    @{ Name = 'Get-TransportService'; Run = { Get-TransportService -Identity $env:COMPUTERNAME } }
    @{ Name = 'Get-TransportConfig';  Run = { Get-TransportConfig } }
    @{ Name = 'Get-ExchangeServer';   Run = { Get-ExchangeServer -Identity $env:COMPUTERNAME } }
)
$RegistryKeys = @(
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup'
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\EdgeTransportRole'
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\MailboxRole'
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\HubTransportRole'
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\FrontendTransportRole'
    'HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\ClientAccessRole'
)

function ConvertTo-StigValue {
    # One property value in the format's normalised form.
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [bool]) { return $Value }
    if ($Value -is [enum]) { return $Value.ToString() }
    if ($Value -is [string]) { return $Value }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [int16] -or $Value -is [byte] -or
        $Value -is [uint16] -or $Value -is [uint32] -or $Value -is [uint64] -or $Value -is [sbyte]) { return [long]$Value }
    if ($Value -is [double] -or $Value -is [single] -or $Value -is [decimal]) {
        return $Value.ToString([Globalization.CultureInfo]::InvariantCulture)
    }
    if ($Value -is [datetime]) { return $Value.ToString('o') }
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
        return , $items
    }
    return $Value.ToString()
}

function ConvertTo-StigObject {
    param($InputObject)
    $out = [ordered]@{}
    foreach ($p in $InputObject.PSObject.Properties) {
        if ($p.MemberType -notin 'Property', 'NoteProperty') { continue }
        try { $v = $p.Value } catch { $v = $null }
        $out[$p.Name] = ConvertTo-StigValue $v
    }
    return $out
}

function Get-StigRegistry {
    $result = [ordered]@{}
    foreach ($key in $RegistryKeys) {
        $path = 'Registry::' + $key
        if (-not (Test-Path -LiteralPath $path)) { Write-Verbose "registry key absent: $key"; continue }
        $values = [ordered]@{}
        $item = Get-Item -LiteralPath $path
        foreach ($name in ($item.GetValueNames() | Sort-Object)) {
            if ($name -eq '') { continue }
            $v = $item.GetValue($name)
            if ($v -is [string[]]) { $values[$name] = @($v) }
            else { $values[$name] = ConvertTo-StigValue $v }
        }
        $result[$key] = $values
    }
    return $result
}

function Import-ExchangeCmdlets {
    if (Get-Command Get-SendConnector -ErrorAction SilentlyContinue) { return }
    # An Edge Transport server has no remote PowerShell endpoint; the local snap-in is the way in.
    Write-Verbose 'Exchange cmdlets not loaded; adding the Exchange snap-in'
    try {
        Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn -ErrorAction Stop
    } catch {
        Write-Warning "Exchange snap-in could not be loaded: $($_.Exception.Message)"
    }
}

function Get-StigHost {
    param($ExchangeServer)
    $os = Get-CimInstance Win32_OperatingSystem
    $nics = @(Get-CimInstance Win32_NetworkAdapterConfiguration -Filter 'IPEnabled = True')
    $ips = @($nics | ForEach-Object { $_.IPAddress } | Where-Object { $_ })
    $exchange = $null
    if ($ExchangeServer) {
        $v = $ExchangeServer.AdminDisplayVersion
        $exchange = [ordered]@{
            version = ('{0}.{1}.{2}.{3}' -f $v.Major, $v.Minor, $v.Build, $v.Revision)
            build   = [string]$v
            edition = [string]$ExchangeServer.Edition
            roles   = @(([string]$ExchangeServer.ServerRole) -split ',\s*' | Where-Object { $_ })
        }
    }
    # Edge servers are usually not domain members; DNS knows their suffix.
    $fqdn = $null
    try { $fqdn = [Net.Dns]::GetHostEntry($env:COMPUTERNAME).HostName.ToLowerInvariant() } catch { Write-Verbose 'no DNS name for this host' }
    if ($fqdn -and $fqdn -notlike '*.*') { $fqdn = $null }
    $arch = if ($os.OSArchitecture -like '64*') { 'x64' } else { [string]$os.OSArchitecture }
    return [ordered]@{
        hostName     = $env:COMPUTERNAME
        fqdn         = $fqdn
        ipv4         = @($ips | Where-Object { $_ -notlike '*:*' })
        ipv6         = @($ips | Where-Object { $_ -like '*:*' })
        macAddresses = @($nics | ForEach-Object { $_.MACAddress } | Where-Object { $_ } | ForEach-Object { $_ -replace ':', '-' })
        osName       = [string]$os.Caption
        osVersion    = [string]$os.Version
        architecture = $arch
        exchange     = $exchange
    }
}

Import-ExchangeCmdlets

$cmdletResults = [ordered]@{}
$exchangeServer = $null
foreach ($c in $Cmdlets) {
    Write-Verbose "running $($c.Name)"
    $entry = [ordered]@{ command = $c.Run.ToString().Trim(); ok = $true; error = $null; objects = @() }
    try {
        $objects = @(& $c.Run)
        if ($c.Name -eq 'Get-ExchangeServer' -and $objects.Count -gt 0) { $exchangeServer = $objects[0] }
        $entry.objects = @($objects | ForEach-Object { ConvertTo-StigObject $_ })
        Write-Verbose ("  {0} object(s)" -f $objects.Count)
    } catch {
        $entry.ok = $false
        $entry.error = ($_.Exception.Message -replace '\s+', ' ').Trim()
        $entry.objects = @()
        Write-Warning "$($c.Name) failed: $($entry.error)"
    }
    $cmdletResults[$c.Name] = $entry
}

$document = [ordered]@{
    format    = 'stigsmith-hostdata'
    version   = 1
    collected = (Get-Date).ToString('yyyy-MM-dd\THH:mm:sszzz')
    collector = [ordered]@{
        name              = 'Collect-ExchangeStigData.ps1'
        version           = $CollectorVersion
        powershellVersion = $PSVersionTable.PSVersion.ToString()
        powershellEdition = if ($PSVersionTable.ContainsKey('PSEdition')) { [string]$PSVersionTable.PSEdition } else { 'Desktop' }
        user              = [Security.Principal.WindowsIdentity]::GetCurrent().Name
    }
    host      = Get-StigHost $exchangeServer
    registry  = Get-StigRegistry
    cmdlets   = $cmdletResults
}

# Write beside the target, then move, so a failed run never leaves half a file.
$json = $document | ConvertTo-Json -Depth 8
$full = [IO.Path]::GetFullPath($OutFile)
$temp = $full + '.tmp'
[IO.File]::WriteAllText($temp, $json, (New-Object Text.UTF8Encoding $false))
Move-Item -LiteralPath $temp -Destination $full -Force
Write-Verbose "written: $full"
