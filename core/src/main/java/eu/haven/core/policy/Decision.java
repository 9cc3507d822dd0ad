package eu.haven.core.policy;

import java.util.List;

/** The answer of the policy engine: permit with the categories allowed, or deny with a reason. */
public sealed interface Decision {

    boolean permitted();

    /**
     * Permitted. {@code own} is the mask of categories of the organisation's own records;
     * {@code shared} lists, per holding organisation, the categories a live consent opens.
     */
    record Permit(long own, List<Share> shared) implements Decision {
        public boolean permitted() {
            return true;
        }

        /** The categories allowed from records held by {@code holder}, seen by {@code organisation}. */
        public long allowedFrom(String holder, String organisation) {
            if (holder.equals(organisation)) {
                return own;
            }
            long mask = 0;
            for (Share s : shared) {
                if (s.holder().equals(holder)) {
                    mask |= s.categories();
                }
            }
            return mask;
        }

        /** Every category allowed from any holder. */
        public long anyCategories() {
            long mask = own;
            for (Share s : shared) {
                mask |= s.categories();
            }
            return mask;
        }
    }

    /** Categories of records held by another organisation, opened by a consent. */
    record Share(String holder, long categories) {}

    record Deny(DenyReason reason) implements Decision {
        public boolean permitted() {
            return false;
        }
    }
}
