# EX16-ED-000170: Send connectors must use domain security (mutual TLS).
# Run in the Exchange Management Shell. Connectors that route through smart hosts cannot use
# domain security; they must instead require TLS with domain validation and not use DNS routing.
Get-SendConnector | ForEach-Object {
    if ($_.SmartHosts.Count -gt 0) {
        Set-SendConnector -Identity $_.Identity -DNSRoutingEnabled $false -RequireTLS $true -TlsAuthLevel DomainValidation
    }
    else {
        Set-SendConnector -Identity $_.Identity -DomainSecureEnabled $true
    }
}
