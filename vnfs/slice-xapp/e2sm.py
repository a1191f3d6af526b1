"""E2AP and E2SM encode/decode helpers of the slice xApp (no I/O, no state).

* E2AP (O-RAN.WG3.E2AP v3): pycrate's compiled E2AP (`pycrate_asn1dir.E2AP`), values as
  pycrate's get_val()/set_val() shapes; `parse()` flattens a PDU to (message name, IEs).
* E2SM-KPM v3 and E2SM-RC v1.03: asn1tools, aligned PER, compiled at start from the O-RAN ASN.1
  modules in ASN1_DIR (`find_asn1_dir()`, `E2SM(dir)`); values as asn1tools' dicts/tuples.
* The slice-level PRB quota control (E2SM-RC style 2, action 6) exactly as ranlab's DU reads it
  (Swift: SliceQuotaControl.message(quotas, dialect: .srsRAN)): RAN parameter IDs of the E2SM-RC
  table (1, 2, 3, 5, ..., 13), each list item wrapped in its own STRUCTURE, every leaf
  ranP-Choice-ElementFalse. For FlexRIC-style agents set WRAP_LIST_ITEMS = False and IDS to 1..12.
"""

import os
from pathlib import Path

from pycrate_asn1dir import E2AP as _E2AP

KPM_OID = "1.3.6.1.4.1.53148.1.1.2.2"     # E2SM-KPM RAN function
RC_OID = "1.3.6.1.4.1.53148.1.1.2.3"      # E2SM-RC RAN function
KPM_FILE = "e2sm_kpm_v03.00_standard.asn1"
RC_FILE = "e2sm_rc_v1_03_standard.asn"

# ---- E2AP (pycrate) -------------------------------------------------------------------------

_PDU = _E2AP.E2AP_PDU_Descriptions.E2AP_PDU   # one shared codec object: use from one thread only

# ProtocolIE-IDs (E2AP §9.3) and procedure codes used here.
ID_CAUSE, ID_RANFUNCTION_ID, ID_RANFUNCTION_ITEM, ID_ACTION_TO_BE_SETUP = 1, 5, 8, 19
ID_CONTROL_ACK_REQUEST, ID_CONTROL_HEADER, ID_CONTROL_MESSAGE = 21, 22, 23
ID_REQUEST_ID, ID_SUBSCRIPTION_DETAILS = 29, 30
PROC_CONTROL, PROC_SUBSCRIPTION, PROC_SUBSCRIPTION_DELETE = 4, 8, 9


def parse(pdu):
    """E2AP-PDU bytes -> (message name, {IE value type name: value}), e.g.
    ('RICindication', {'RICrequestID': {...}, 'RANfunctionID': 2, 'RICindicationMessage': b'...'}).
    Raises on undecodable bytes."""
    _PDU.from_aper(pdu)
    _, body = _PDU.get_val()
    name, content = body["value"]
    return name, {ie["value"][0]: ie["value"][1] for ie in content.get("protocolIEs", [])}


def ran_functions(ies):
    """{OID: RAN function ID} of an E2setupRequest's RANfunctions-List (as parse() gives it)."""
    return {item["value"][1]["ranFunctionOID"]: item["value"][1]["ranFunctionID"]
            for item in ies.get("RANfunctions-List", []) if item["value"][0] == "RANfunction-Item"}


def cause_text(cause):
    """('ricRequest', 'action-not-supported') -> 'ricRequest: action-not-supported'."""
    return f"{cause[0]}: {cause[1]}" if isinstance(cause, tuple) else str(cause)


def _request(proc, name, ies):
    _PDU.set_val(("initiatingMessage", {"procedureCode": proc, "criticality": "reject",
                                        "value": (name, {"protocolIEs": ies})}))
    return _PDU.to_aper()


def _ie(ie_id, name, value, criticality="reject"):
    return {"id": ie_id, "criticality": criticality, "value": (name, value)}


def _request_id(requestor, instance):
    return _ie(ID_REQUEST_ID, "RICrequestID", {"ricRequestorID": requestor, "ricInstanceID": instance})


def subscription_request(requestor, instance, function, event_trigger, actions):
    """RICsubscriptionRequest; actions: [(action ID, 'report'|'insert'|'policy', definition bytes)]."""
    to_setup = [_ie(ID_ACTION_TO_BE_SETUP, "RICaction-ToBeSetup-Item",
                    {"ricActionID": aid, "ricActionType": kind, "ricActionDefinition": definition},
                    "ignore") for aid, kind, definition in actions]
    return _request(PROC_SUBSCRIPTION, "RICsubscriptionRequest", [
        _request_id(requestor, instance),
        _ie(ID_RANFUNCTION_ID, "RANfunctionID", function),
        _ie(ID_SUBSCRIPTION_DETAILS, "RICsubscriptionDetails",
            {"ricEventTriggerDefinition": event_trigger, "ricAction-ToBeSetup-List": to_setup}),
    ])


def subscription_delete_request(requestor, instance, function):
    return _request(PROC_SUBSCRIPTION_DELETE, "RICsubscriptionDeleteRequest", [
        _request_id(requestor, instance), _ie(ID_RANFUNCTION_ID, "RANfunctionID", function)])


def control_request(requestor, instance, function, header, message, ack=True):
    """RICcontrolRequest (no call process ID), asking for an acknowledgement unless ack=False."""
    return _request(PROC_CONTROL, "RICcontrolRequest", [
        _request_id(requestor, instance),
        _ie(ID_RANFUNCTION_ID, "RANfunctionID", function),
        _ie(ID_CONTROL_HEADER, "RICcontrolHeader", header),
        _ie(ID_CONTROL_MESSAGE, "RICcontrolMessage", message),
        _ie(ID_CONTROL_ACK_REQUEST, "RICcontrolAckRequest", "ack" if ack else "noAck"),
    ])


# ---- identities -----------------------------------------------------------------------------

def plmn_identity(text):
    """'00101' (MCC 001, MNC 01) -> b'\\x00\\xf1\\x10'; 6 digits for a 3-digit MNC (TBCD, 38.413)."""
    if not (isinstance(text, str) and text.isdigit() and len(text) in (5, 6)):
        raise ValueError(f"plmn {text!r}: expected 5 or 6 digits (MCC + MNC)")
    d = [int(c) for c in text]
    mnc3 = d[5] if len(d) == 6 else 0xF
    return bytes([d[1] << 4 | d[0], mnc3 << 4 | d[2], d[4] << 4 | d[3]])


class Slice:
    """An S-NSSAI: SST 0-255 and an optional 24-bit SD; `label` is 'sst-sd' (decimal), 'sst' without SD."""

    def __init__(self, sst, sd=None):
        if not (isinstance(sst, int) and 0 <= sst <= 255):
            raise ValueError(f"sst {sst!r}: expected an integer 0-255")
        if isinstance(sd, str):                           # hex text, e.g. "000001" or "0x000001"
            sd = int(sd, 16)
        if sd is not None and not (isinstance(sd, int) and 0 <= sd <= 0xFFFFFF):
            raise ValueError(f"sd {sd!r}: expected an integer 0-16777215 or 6 hex digits")
        self.sst, self.sd = sst, sd
        self.sst_bytes = bytes([sst])
        self.sd_bytes = None if sd is None else sd.to_bytes(3, "big")
        self.label = f"{sst}" if sd is None else f"{sst}-{sd}"

    def key(self):
        return (self.sst_bytes, self.sd_bytes)

    def snssai(self):
        """The S-NSSAI value of E2SM-KPM (and E2SM common IEs)."""
        return {"sST": self.sst_bytes} if self.sd_bytes is None else {"sST": self.sst_bytes, "sD": self.sd_bytes}


# ---- E2SM (asn1tools) -----------------------------------------------------------------------

def find_asn1_dir(configured=None, package_dir=None):
    """The directory with the E2SM modules: `configured` (config asn1-dir), else $ASN1_DIR, else the
    first `../shared/asn1` above the current directory or the package directory.
    Returns (path or None, the places looked at)."""
    explicit = configured or os.environ.get("ASN1_DIR")
    if explicit:
        candidates = [Path(explicit)]
    else:
        bases = [Path.cwd()] + ([Path(package_dir).resolve()] if package_dir else [])
        candidates = [d / ".." / "shared" / "asn1" for b in bases for d in (b, *b.parents)]
    seen = []
    for c in candidates:
        c = c.resolve()
        if c in seen:
            continue
        seen.append(c)
        if (c / KPM_FILE).is_file() and (c / RC_FILE).is_file():
            return c, seen
    return None, seen


class E2SM:
    """E2SM-KPM v3 and E2SM-RC v1.03 in aligned PER; compiling both takes ~2 s (do it off the loop)."""

    # Slice-level PRB quota RAN parameter IDs (E2SM-RC §8.4.3.6 table numbers, no 4: srsRAN, ranlab).
    IDS = dict(ratio_list=1, ratio_group=2, policy=3, member_list=5, member=6, plmn=7, snssai=8,
               sst=9, sd=10, min=11, max=12, dedicated=13)
    WRAP_LIST_ITEMS = True     # list items carry an explicit Ratio Group / Member STRUCTURE

    def __init__(self, directory):
        import asn1tools                                  # imported here: only this needs it
        d = Path(directory)
        self.kpm = asn1tools.compile_files([str(d / KPM_FILE)], "per")
        self.rc = asn1tools.compile_files([str(d / RC_FILE)], "per")

    # -- E2SM-KPM

    def kpm_event_trigger(self, period_ms):
        return self.kpm.encode("E2SM-KPM-EventTriggerDefinition", {
            "eventDefinition-formats": ("eventDefinition-Format1", {"reportingPeriod": period_ms})})

    def kpm_action_definition(self, measurements, period_ms):
        """Report style 1, action definition format 1. measurements: [(measName, [label, ...])]
        where a label is a Slice or None (noLabel)."""
        info = [{"measType": ("measName", name),
                 "labelInfoList": [{"measLabel": {"noLabel": "true"} if s is None else {"sliceID": s.snssai()}}
                                   for s in labels]}
                for name, labels in measurements]
        return self.kpm.encode("E2SM-KPM-ActionDefinition", {
            "ric-Style-Type": 1,
            "actionDefinition-formats": ("actionDefinition-Format1",
                                         {"measInfoList": info, "granulPeriod": period_ms})})

    def kpm_indication(self, header, message):
        """(header format-1 dict or None, message format-1 dict); other formats raise ValueError."""
        h = self.kpm.decode("E2SM-KPM-IndicationHeader", header)["indicationHeader-formats"]
        m = self.kpm.decode("E2SM-KPM-IndicationMessage", message)["indicationMessage-formats"]
        if m[0] != "indicationMessage-Format1":
            raise ValueError(f"KPM indication message {m[0]}, expected format 1")
        return (h[1] if h[0] == "indicationHeader-Format1" else None), m[1]

    @staticmethod
    def record_keys(meas_info_list):
        """One (measName, label key) per (measInfo item, label) in order, the layout of each
        measRecord; the label key is Slice.key() for a sliceID label, None otherwise. A measID
        (no name) gives None as its name."""
        keys = []
        for item in meas_info_list:
            kind, name = item["measType"]
            for label in item["labelInfoList"]:
                s = label["measLabel"].get("sliceID")
                keys.append((name if kind == "measName" else None,
                             None if s is None else (s["sST"], s.get("sD"))))
        return keys

    # -- E2SM-RC: slice-level PRB quota (style 2, action 6)

    def rc_quota_header(self, f1ap_ue_id=0):
        """Control header format 1, gNB-DU-UEID { gNB-CU-UE-F1AP-ID 0 }: the cell-wide UE ID the DU wants."""
        return self.rc.encode("E2SM-RC-ControlHeader", {"ric-controlHeader-formats": ("controlHeader-Format1", {
            "ueID": ("gNB-DU-UEID", {"gNB-CU-UE-F1AP-ID": f1ap_ue_id}),
            "ric-Style-Type": 2, "ric-ControlAction-ID": 6})})

    def rc_quota_message(self, plmn, quotas):
        """Control message format 1; quotas: [(Slice, min %, max %, dedicated %)], one group each."""
        ids, wrap_items = self.IDS, self.WRAP_LIST_ITEMS

        def item(pid, value_type):
            return {"ranParameter-ID": pid, "ranParameter-valueType": value_type}

        def element(value):                               # ranP-Choice-ElementFalse, as control carries
            return ("ranP-Choice-ElementFalse", {"ranParameter-value": value})

        def structure(items):
            return ("ranP-Choice-Structure", {"ranParameter-Structure": {"sequence-of-ranParameters": items}})

        def list_of(entries):                             # entries: each a list of STRUCTURE items
            return ("ranP-Choice-List", {"ranParameter-List": {
                "list-of-ranParameter": [{"sequence-of-ranParameters": e} for e in entries]}})

        def wrap(pid, items):
            return [item(pid, structure(items))] if wrap_items else items

        groups = []
        for s, lo, hi, dedicated in quotas:
            snssai = [item(ids["sst"], element(("valueOctS", s.sst_bytes)))]
            if s.sd_bytes is not None:
                snssai.append(item(ids["sd"], element(("valueOctS", s.sd_bytes))))
            member = wrap(ids["member"], [item(ids["plmn"], element(("valueOctS", plmn))),
                                          item(ids["snssai"], structure(snssai))])
            groups.append(wrap(ids["ratio_group"], [
                item(ids["policy"], structure([item(ids["member_list"], list_of([member]))])),
                item(ids["min"], element(("valueInt", lo))),
                item(ids["max"], element(("valueInt", hi))),
                item(ids["dedicated"], element(("valueInt", dedicated))),
            ]))
        ran_p = [item(ids["ratio_list"], list_of(groups))] if groups else []
        return self.rc.encode("E2SM-RC-ControlMessage", {
            "ric-controlMessage-formats": ("controlMessage-Format1", {"ranP-List": ran_p})})
