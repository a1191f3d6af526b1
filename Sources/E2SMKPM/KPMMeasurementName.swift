import APER
import E2SMCommon

/// The 3GPP TS 28.552 performance measurement names E2 nodes commonly report through
/// `MeasurementType.measName` / `MeasurementInfo-Action-Item.measName` (a catalogue, not a
/// constraint: `MeasurementTypeName` accepts any PrintableString of 1...150 characters).
///
/// Raw values are the exact 28.552 spellings. Units are those 28.552 defines for the measurement.
/// A name may carry a 28.552 sub-counter suffix (for example `DRB.UEThpDl.SNSSAI`); such names are
/// not cases here and stay plain `MeasurementTypeName`s.
public enum KPMMeasurementName: String, CaseIterable, Codable, Hashable, Sendable {
    /// Average DL UE throughput in the gNB, kbit/s.
    case drbUEThpDl = "DRB.UEThpDl"
    /// Average UL UE throughput in the gNB, kbit/s.
    case drbUEThpUl = "DRB.UEThpUl"
    /// DL PRBs used for data traffic, mean number of PRBs per slot over the period.
    case rruPrbUsedDl = "RRU.PrbUsedDl"
    /// UL PRBs used for data traffic, mean number of PRBs per slot over the period.
    case rruPrbUsedUl = "RRU.PrbUsedUl"
    /// Total DL PRB usage, percentage (0–100) of the available PRBs.
    case rruPrbTotDl = "RRU.PrbTotDl"
    /// Total UL PRB usage, percentage (0–100) of the available PRBs.
    case rruPrbTotUl = "RRU.PrbTotUl"
    /// DL PRBs available, mean number of PRBs.
    case rruPrbAvailDl = "RRU.PrbAvailDl"
    /// UL PRBs available, mean number of PRBs.
    case rruPrbAvailUl = "RRU.PrbAvailUl"
    /// Average delay of DL RLC SDUs in the gNB-DU, units of 0.1 ms.
    case drbRlcSduDelayDl = "DRB.RlcSduDelayDl"
    /// Average UL delay over the air interface, units of 0.1 ms.
    case drbAirIfDelayUl = "DRB.AirIfDelayUl"
    /// DL PDCP SDU data volume, Mbit.
    case drbPdcpSduVolumeDL = "DRB.PdcpSduVolumeDL"
    /// UL PDCP SDU data volume, Mbit.
    case drbPdcpSduVolumeUL = "DRB.PdcpSduVolumeUL"
    /// DL RLC SDU data volume transmitted, kbit.
    case drbRlcSduTransmittedVolumeDL = "DRB.RlcSduTransmittedVolumeDL"
    /// UL RLC SDU data volume transmitted, kbit.
    case drbRlcSduTransmittedVolumeUL = "DRB.RlcSduTransmittedVolumeUL"
    /// Mean number of UEs in RRC_CONNECTED, number of UEs.
    case rrcConnMean = "RRC.ConnMean"
    /// Maximum number of UEs in RRC_CONNECTED, number of UEs.
    case rrcConnMax = "RRC.ConnMax"
    /// Average number of DL MIMO layers used, number of layers.
    case carrAverageLayersDl = "CARR.AverageLayersDl"
    /// Total number of DL initial transport blocks, number of TBs.
    case tbTotNbrDl = "TB.TotNbrDl"
    /// Number of erroneous DL initial transport blocks, number of TBs.
    case tbErrTotalNbrDl = "TB.ErrTotalNbrDl"

    /// The name as the `MeasurementTypeName` the ASN.1 carries.
    public var typeName: MeasurementTypeName { MeasurementTypeName(rawValue) }

    /// `MeasurementType.measName` with this name.
    public var measurementType: MeasurementType { .measName(typeName) }

    /// The catalogue entry spelled `name`, if any.
    public init?(_ name: MeasurementTypeName) {
        self.init(rawValue: name.value)
    }
}
