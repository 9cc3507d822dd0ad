package eu.haven.navigator.directory;

/** The kinds of resource the directory keeps, named as HSDS names them (question: Haven's own). */
public enum ResourceType {
    ORGANIZATION("organization"),
    SERVICE("service"),
    LOCATION("location"),
    SERVICE_AT_LOCATION("service_at_location"),
    TAXONOMY("taxonomy"),
    TAXONOMY_TERM("taxonomy_term"),
    QUESTION("question");

    private final String hsdsName;

    ResourceType(String hsdsName) {
        this.hsdsName = hsdsName;
    }

    public String hsdsName() {
        return hsdsName;
    }
}
