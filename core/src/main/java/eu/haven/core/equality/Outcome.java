package eu.haven.core.equality;

import java.util.Locale;

/** What the equality body compares across groups of people: how their requests and referrals fare. */
public enum Outcome {
    /** A referral made to another organisation. */
    REFERRAL_MADE,
    /** A referral the receiving organisation accepted. */
    REFERRAL_ACCEPTED,
    /** A referral the receiving organisation declined. */
    REFERRAL_DECLINED,
    /** A correction the person asked for. */
    CORRECTION_REQUESTED,
    /** A correction request answered (with the days it took). */
    CORRECTION_ANSWERED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
