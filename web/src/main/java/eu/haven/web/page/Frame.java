package eu.haven.web.page;

import java.util.List;
import java.util.Optional;

/**
 * What every page's layout shows around its content: the language and direction, the title (which
 * never names a person or a purpose), the style sheet, the language switcher, the form token, the
 * sign-out button and, for staff, the purpose they declared.
 */
public record Frame(PageText t, String title, boolean error, String css, List<LangLink> languages, String csrf, Area area,
                    Optional<String> signOut, List<NavLink> nav, Optional<String> purpose, Optional<String> changePurpose,
                    String home, String js, int idleMinutes) {

    /** Whose pages these are: the layout shows the person a quick exit, staff their purpose. */
    public enum Area { PUBLIC, PERSON, STAFF }

    /** A language, named in itself, and the link that shows this page in it. */
    public record LangLink(String code, String name, String href, boolean current) {}

    public record NavLink(String label, String href, boolean current) {}

    public boolean person() {
        return area == Area.PERSON;
    }

    public Frame withError(boolean failed) {
        return new Frame(t, title, failed, css, languages, csrf, area, signOut, nav, purpose, changePurpose, home, js, idleMinutes);
    }

    /** A signed-in page: its sign-out form's address, the area's menu and its home. */
    public Frame signedIn(String signOutPath, List<NavLink> menu, String homePath) {
        return new Frame(t, title, error, css, languages, csrf, area, Optional.of(signOutPath), menu, purpose, changePurpose, homePath, js,
            area == Area.STAFF ? 30 : 15);
    }

    /** Where the warning's "stay signed in" asks the server to keep the session: nothing is read or recorded. */
    public String stillHere() {
        return area == Area.STAFF ? "/staff/still-here" : "/me/still-here";
    }

    /** When the warning shows: two minutes before the session ends. */
    public int warnAfterSeconds() {
        return Math.max(60, (idleMinutes - 2) * 60);
    }

    public Frame withoutSignOut() {
        return new Frame(t, title, error, css, languages, csrf, area, Optional.empty(), nav, purpose, changePurpose, home, js, idleMinutes);
    }

    /** The purpose a member of staff declared, shown on every page, with the link that changes it. */
    public Frame declaring(String purposeLabel, String changeHref) {
        return new Frame(t, title, error, css, languages, csrf, area, signOut, nav, Optional.of(purposeLabel), Optional.of(changeHref), home, js, idleMinutes);
    }
}
