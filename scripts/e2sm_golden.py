#!/usr/bin/env python3
"""Golden aligned-PER bytes for the E2SM test samples, produced by asn1tools (an independent codec).

    E2SM_DUMP_SAMPLES=/tmp/samples swift test --filter Asn1tools   # writes /tmp/samples.{common,kpm}.json
    python3 scripts/e2sm_golden.py /tmp/samples.common.json /tmp/samples.kpm.json > Tests/E2SMKPMTests/GoldenHex.swift

The input maps "<ModuleName>.<TypeName>/<sample name>" (or "<TypeName>/<sample name>") to
{"type": "<ASN.1 type name>", "json": <the value as our Swift JSONEncoder writes it>}.
Each value is converted to asn1tools' Python form by walking the ASN.1 definition (SEQUENCE keys are
the Swift field names, CHOICE keys the ASN.1 alternative names, OCTET STRING hex text, BIT STRING
{"hex", "length"}), encoded with asn1tools' 'per' codec, decoded back, and printed as a Swift
dictionary literal of hex strings. The specification is read from /work/shared/asn1 (not copied).
"""
import json
import sys

import asn1tools

SPEC = '/work/shared/asn1/e2sm_kpm_v03.00_standard.asn1'
parsed = asn1tools.parse_files([SPEC])
TYPES = {}
for mod, body in parsed.items():
    for name, t in body['types'].items():
        TYPES[name] = t
compiled = asn1tools.compile_files([SPEC], 'per')


def field_name(asn1):
    parts = asn1.split('-')
    n = parts[0] + ''.join(p[:1].upper() + p[1:] for p in parts[1:])
    return n[:1].lower() + n[1:]


def convert(spec, value):
    t = spec['type']
    if t in TYPES:
        return convert(TYPES[t], value)
    if t == 'SEQUENCE':
        out = {}
        members = [m for m in spec['members'] if m is not None]
        known = {field_name(m['name']) for m in members}
        unknown = set(value) - known
        if unknown:
            raise ValueError('unknown fields %s' % unknown)
        for m in members:
            key = field_name(m['name'])
            if key in value:
                out[m['name']] = convert(m, value[key])
        return out
    if t == 'CHOICE':
        (name, inner), = value.items()
        for m in spec['members']:
            if m is not None and m['name'] == name:
                return (name, convert(m, inner))
        raise ValueError('unknown alternative ' + name)
    if t == 'SEQUENCE OF':
        return [convert(spec['element'], v) for v in value]
    if t == 'OCTET STRING':
        return bytes.fromhex(value)
    if t == 'BIT STRING':
        return (bytes.fromhex(value['hex']), value['length'])
    if t in ('INTEGER', 'BOOLEAN', 'PrintableString', 'ENUMERATED'):
        return value
    if t == 'REAL':
        return float(value)
    if t == 'NULL':
        return None
    raise ValueError(t)


def main():
    samples = {}
    for path in sys.argv[1:]:
        samples.update(json.load(open(path)))
    print('// Golden aligned-PER encodings produced by asn1tools %s (codec "per") with scripts/e2sm_golden.py' % asn1tools.__version__)
    print('// from the samples in CommonSamples.swift and KPMSamples.swift; not produced by this codebase.')
    print('let goldenHex: [String: String] = [')
    for key in sorted(samples):
        asn1_type = samples[key]['type']
        value = convert(TYPES[asn1_type], samples[key]['json'])
        encoded = compiled.encode(asn1_type, value, check_constraints=True)
        compiled.decode(asn1_type, encoded)
        print('    "%s": "%s",' % (key, encoded.hex()))
    print(']')
    # an E2SM-KPM v02.03-style indication header: the same module with the 4-octet TimeStamp of v02.03
    v2 = asn1tools.compile_string(open(SPEC).read().replace('TimeStamp ::= OCTET STRING (SIZE(8))',
                                                            'TimeStamp ::= OCTET STRING (SIZE(4))'), 'per')
    header = {'indicationHeader-formats': ('indicationHeader-Format1', {'colletStartTime': bytes.fromhex('e93c7f00')})}
    print('')
    print('/// E2SM-KPM-IndicationHeader with a v02.03 4-octet TimeStamp (asn1tools, TimeStamp patched to SIZE(4)).')
    print('let v2IndicationHeaderHex = "%s"' % v2.encode('E2SM-KPM-IndicationHeader', header).hex())


if __name__ == '__main__':
    main()
