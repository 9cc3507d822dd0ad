package eu.haven.core.policy;

import eu.haven.core.staff.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which actions each staff role may be permitted: an explicit table, read by the policy engine.
 * No role may take a person's or the system's actions (signing in with a code, erasing a person).
 * The data protection officer takes part in one thing about a person: approving a new access
 * code, which shows them no data.
 */
public final class RoleTable {
    private static final Set<Action> CASE_WORK = EnumSet.of(Action.CREATE_PERSON, Action.READ, Action.WRITE, Action.CORRECT,
        Action.CONSENT, Action.RECORD_WITHDRAWAL, Action.REFER, Action.RESPOND_REFERRAL, Action.REQUEST_ACCESS_CODE, Action.APPROVE_ACCESS_CODE,
        Action.ISSUE_ACCESS_CODE, Action.ANSWER_CORRECTION, Action.ERASE, Action.ANSWER_ERASURE, Action.LIST);

    private static final Map<Role, Set<Action>> TABLE = table();

    private RoleTable() {}

    private static Map<Role, Set<Action>> table() {
        EnumMap<Role, Set<Action>> t = new EnumMap<>(Role.class);
        t.put(Role.CASEWORKER, CASE_WORK);
        t.put(Role.SUPERVISOR, CASE_WORK);
        t.put(Role.DPO, EnumSet.of(Action.APPROVE_ACCESS_CODE));
        t.put(Role.OVERSIGHT, EnumSet.noneOf(Action.class));
        t.put(Role.ADMIN, EnumSet.noneOf(Action.class));
        t.put(Role.EDITOR, EnumSet.noneOf(Action.class));
        t.put(Role.EQUALITY, EnumSet.noneOf(Action.class));
        return t;
    }

    /** True when the role may be permitted the action at all; the engine still decides the rest. */
    public static boolean permits(Role role, Action action) {
        return TABLE.get(role).contains(action);
    }

    /** The actions of a role, for documentation and tests. */
    public static Set<Action> actions(Role role) {
        return Set.copyOf(TABLE.get(role));
    }

    /** True for an action that no staff role may take. */
    public static boolean staffNever(Action action) {
        return TABLE.values().stream().noneMatch(s -> s.contains(action));
    }
}
