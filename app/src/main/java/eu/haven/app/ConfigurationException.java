package eu.haven.app;

/** The installation is configured in a way Haven cannot work with; the message says what to change. */
final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
        super(message);
    }
}
