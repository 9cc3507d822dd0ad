package eu.haven.core.transparency;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the transparency report counts, month by month. */
public enum Measure {
    /** People an organisation of a type worked with (a permitted access), each counted once per type and month. dim1: the type. */
    PEOPLE_SERVED,
    /** Records added. dim1: purpose, dim2: category. */
    RECORDS,
    /** Staff's accesses to people's data. dim1: purpose, dim2: {@code permitted} or the refusal's reason. */
    ACCESSES,
    /** Consents. dim1: {@code given} or {@code withdrawn}. */
    CONSENTS,
    /** Referrals. dim1: {@code made} or {@code answered}. */
    REFERRALS,
    /** Corrections. dim1: {@code requested} or {@code answered}. */
    CORRECTIONS,
    /** Erasures. dim1: {@code requested} or {@code completed}. */
    ERASURES,
    /** Records deleted at the end of their retention period. dim1: category. */
    RETENTION_PURGES,
    /** Alerts raised for the data protection officer. */
    ALERTS,
    /** Complaints to the data protection officer. dim1: {@code made}, {@code answered} or {@code handed-over}. */
    COMPLAINTS;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Measure> parse(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
