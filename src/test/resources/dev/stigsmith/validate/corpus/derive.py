#!/usr/bin/env python3
"""Writes the validation corpus: small valid documents of every kind and variants that each break one thing.
Run from this folder; the outputs are committed, this script only documents how each variant was made."""
import os, re, shutil

R = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
def src(p): return open(os.path.join(R, p), encoding='utf-8').read()
def write(name, text): open(name, 'w', encoding='utf-8').write(text)
def variant(base, name, old, new, count=1):
    assert old in base, (name, old)
    write(name, base.replace(old, new, count))

xccdf = src('xml/valid/xccdf12-benchmark.xml')
oval = src('xml/valid/oval-definitions.xml')
sc = src('xml/valid/oval-system-characteristics.xml')
ds = src('xml/valid/source-data-stream.xml')
res = src('scap/oval-results.xml')
var = src('scap/oval-variables.xml')
cpe = src('scap/cpe-dictionary.xml')
ocil = src('scap/ocil.xml')
arf = src('scap/arf.xml')
x11 = src('scap/xccdf11-benchmark.xml')

# The bases carry what a STIG Rule has (STIG ID, fix text), so that they are clean under lint.
STIG = '''      <version>EX16-ED-000170</version>
      <title>Rule one</title>'''
FIX = '''      <ident system="http://cyber.mil/cci">CCI-001184</ident>
      <fixtext fixref="F-1">Set DomainSecureEnabled on every Send connector.</fixtext>
      <fix id="F-1"/>'''
def stig(doc):
    doc = doc.replace('      <title>Rule one</title>', STIG, 1)
    return doc.replace('      <ident system="http://cyber.mil/cci">CCI-001184</ident>', FIX, 1)
xccdf = stig(xccdf)
ds = stig(ds)

# XCCDF 1.2 benchmark
write('xccdf12-valid.xml', xccdf)
variant(xccdf, 'xccdf12-bad-rule-id.xml', 'Rule id="xccdf_dev.stigsmith_rule_one"', 'Rule id="rule-one"')
variant(xccdf, 'xccdf12-unknown-element.xml', '      <title>Rule one</title>', '      <titel>Rule one</titel>')
variant(xccdf, 'xccdf12-profile-selects-missing.xml', 'select idref="xccdf_dev.stigsmith_rule_one"',
        'select idref="xccdf_dev.stigsmith_rule_two"')
variant(xccdf, 'xccdf12-check-export-missing-value.xml', '        <check-content-ref',
        '        <check-export value-id="xccdf_dev.stigsmith_value_missing" export-name="oval:dev.stigsmith.exchange:var:1"/>\n        <check-content-ref')
variant(xccdf, 'xccdf12-network-check.xml', 'href="oval.xml"', 'href="https://example.org/oval.xml"')
variant(xccdf, 'xccdf12-schematron-xhtml-object.xml', '<description>Send connectors must use domain security.</description>',
        '<description xmlns:h="http://www.w3.org/1999/xhtml">Send connectors must use <h:object data="value:x"/>.</description>')
variant(xccdf, 'xccdf12-lint-no-cci.xml', '      <ident system="http://cyber.mil/cci">CCI-001184</ident>\n', '')
variant(xccdf, 'xccdf12-lint-bad-cci.xml', 'CCI-001184', 'CCI-1184')
variant(xccdf, 'xccdf12-lint-bad-vuln-id.xml', '      <ident system="http://cyber.mil/cci">CCI-001184</ident>\n',
        '      <ident system="http://cyber.mil/cci">CCI-001184</ident>\n'
        '      <ident system="https://stigsmith.dev/ident/disa-vuln-id">V-0221218</ident>\n')
variant(xccdf, 'xccdf12-lint-info-severity.xml', 'severity="medium"', 'severity="info"')
variant(xccdf, 'xccdf12-lint-deprecated-selected.xml', STIG, '      <status>deprecated</status>\n' + STIG)

# XCCDF 1.2 tailoring and results
tailoring = '''<?xml version="1.0" encoding="UTF-8"?>
<Tailoring xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_dev.stigsmith_tailoring_site">
  <benchmark href="xccdf12-valid.xml"/>
  <version time="2026-01-01T00:00:00">1</version>
  <Profile id="xccdf_dev.stigsmith_profile_site" extends="xccdf_dev.stigsmith_profile_all">
    <title>Our site</title>
    <select idref="xccdf_dev.stigsmith_rule_one" selected="false"/>
  </Profile>
</Tailoring>
'''
write('tailoring-valid.xml', tailoring)
variant(tailoring, 'tailoring-no-version.xml', '  <version time="2026-01-01T00:00:00">1</version>\n', '')
result = '''<?xml version="1.0" encoding="UTF-8"?>
<TestResult xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_dev.stigsmith_testresult_edge01"
    start-time="2026-01-01T00:00:00" end-time="2026-01-01T00:00:01" test-system="cpe:/a:stigsmith:stigsmith:0.1.0">
  <benchmark href="xccdf12-valid.xml" id="xccdf_dev.stigsmith_benchmark_test"/>
  <target>edge01</target>
  <rule-result idref="xccdf_dev.stigsmith_rule_one" time="2026-01-01T00:00:01">
    <result>pass</result>
  </rule-result>
  <score>100.0</score>
</TestResult>
'''
write('testresult-valid.xml', result)
variant(result, 'testresult-bad-result.xml', '<result>pass</result>', '<result>passed</result>')

# XCCDF 1.1.4
write('xccdf11-valid.xml', x11)
write('xccdf11-unknown-element.xml', x11.replace('<title>', '<titel>', 1).replace('</title>', '</titel>', 1))

# OVAL definitions
write('oval-defs-valid.xml', oval)
variant(oval, 'oval-defs-dangling-object.xml', 'object_ref="oval:dev.stigsmith.exchange:obj:1"',
        'object_ref="oval:dev.stigsmith.exchange:obj:2"')
variant(oval, 'oval-defs-dangling-state.xml', 'state_ref="oval:dev.stigsmith.exchange:ste:1"',
        'state_ref="oval:dev.stigsmith.exchange:ste:2"')
variant(oval, 'oval-defs-dangling-test.xml', 'criterion test_ref="oval:dev.stigsmith.exchange:tst:1"',
        'criterion test_ref="oval:dev.stigsmith.exchange:tst:9"')
variant(oval, 'oval-defs-dangling-variable.xml', '<win:verb>Get</win:verb>',
        '<win:verb var_ref="oval:dev.stigsmith.exchange:var:1" var_check="all"/>')
variant(oval, 'oval-defs-bad-id.xml', 'definition id="oval:dev.stigsmith.exchange:def:1"', 'definition id="def-1"')
variant(oval, 'oval-defs-unused-state.xml', '  </states>',
        '''    <win:cmdlet_state id="oval:dev.stigsmith.exchange:ste:2" version="1">
      <win:verb>Get</win:verb>
    </win:cmdlet_state>
  </states>''')
variant(oval, 'oval-defs-schematron-no-criteria.xml', '''      <criteria>
        <criterion test_ref="oval:dev.stigsmith.exchange:tst:1"/>
      </criteria>
''', '')

# OVAL system characteristics, results, variables
write('oval-sc-valid.xml', sc)
variant(sc, 'oval-sc-bad-flag.xml', 'flag="complete"', 'flag="done"')
write('oval-results-valid.xml', res)
variant(res, 'oval-results-bad-result.xml', 'version="1" result="true"', 'version="1" result="yes"')
write('oval-variables-valid.xml', var)
variant(var, 'oval-variables-bad-datatype.xml', 'datatype="int"', 'datatype="integer"')

# CPE, OCIL
write('cpe-dict-valid.xml', cpe)
variant(cpe, 'cpe-dict-bad-name.xml', 'name="cpe:/a:microsoft:exchange_server:2016"', 'name="exchange 2016"')
write('ocil-valid.xml', ocil)
variant(ocil, 'ocil-dangling-question.xml', 'question_ref="ocil:dev.stigsmith.exchange:question:1"',
        'question_ref="ocil:dev.stigsmith.exchange:question:2"')
variant(ocil, 'ocil-unused-question.xml', '  </questions>', '''    <boolean_question id="ocil:dev.stigsmith.exchange:question:2">
      <question_text>Unused?</question_text>
    </boolean_question>
  </questions>''')

# SCAP 1.3 source data streams
write('sds-valid.xml', ds)
variant(ds, 'sds-dangling-check.xml', 'name="oval:dev.stigsmith.exchange:def:1"/>', 'name="oval:dev.stigsmith.exchange:def:7"/>')
m = re.search(r'xlink:href="(#scap_dev\.stigsmith_comp_[^"]*oval[^"]*)"', ds)
variant(ds, 'sds-dangling-component.xml', 'xlink:href="%s"' % m.group(1), 'xlink:href="#scap_dev.stigsmith_comp_missing"')
variant(ds, 'sds-dangling-object.xml', 'object_ref="oval:dev.stigsmith.exchange:obj:1"', 'object_ref="oval:dev.stigsmith.exchange:obj:5"')
variant(ds, 'sds-bad-use-case.xml', 'use-case="OTHER"', 'use-case="AUDIT"')

# ARF
write('arf-valid.xml', arf)
variant(arf, 'arf-bad-result.xml', '<result>pass</result>', '<result>passed</result>')

# Not XML as SCAP expects it
write('not-well-formed.xml', oval.replace('</definitions>', '</definition>', 1))
write('doctype.xml', oval.replace('<oval_definitions', '<!DOCTYPE oval_definitions [<!ENTITY x "x">]>\n<oval_definitions', 1))
