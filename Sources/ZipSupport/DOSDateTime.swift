import Foundation

/// A time in the MS-DOS format of zip headers: two 16-bit fields, 2-second resolution, years
/// 1980–2107 and no time zone.
struct DOSDateTime: Equatable {
    /// Bits 0–4 seconds ÷ 2, 5–10 minute, 11–15 hour.
    var time: UInt16
    /// Bits 0–4 day, 5–8 month, 9–15 years since 1980.
    var date: UInt16

    init(time: UInt16, date: UInt16) {
        self.time = time
        self.date = date
    }

    /// The UTC wall-clock fields of `instant`, clamped to the range DOS can hold.
    ///
    /// Computed with integer arithmetic (days → civil date), so neither `TZ` nor the calendar
    /// settings of the machine can change the result.
    init(utc instant: Date) {
        let lowest: Int64 = 315_532_800  // 1980-01-01 00:00:00
        let highest: Int64 = 4_354_819_198  // 2107-12-31 23:59:58
        let seconds = min(max(Int64(instant.timeIntervalSince1970.rounded(.down)), lowest), highest)
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60
        time = UInt16(hour << 11 | minute << 5 | second / 2)
        date = UInt16((year - 1980) << 9 | month << 5 | day)
    }

    /// Year, month (1–12) and day (1–31) of a day count since 1970-01-01 in the proleptic
    /// Gregorian calendar (Howard Hinnant's `civil_from_days`, for non-negative counts).
    private static func civilDate(daysSince1970 days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
