package eu.haven.core.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Sealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Opens a person's sealed profile. Empty when the person or their data key is gone. */
public final class Profiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PersonRepository persons;
    private final PersonKeys keys;

    public Profiles(PersonRepository persons, PersonKeys keys) {
        this.persons = persons;
        this.keys = keys;
    }

    public static byte[] aad(UUID personId) {
        return ("person/" + personId).getBytes(StandardCharsets.UTF_8);
    }

    public Optional<Profile> of(UUID personId) {
        Optional<Person> person = persons.find(personId);
        Optional<SecretKey> key = person.flatMap(p -> keys.find(personId));
        return key.map(k -> open(person.get(), k));
    }

    /** Opens the profile of a person already read, with their key. */
    public static Profile open(Person person, SecretKey key) {
        UUID personId = person.id();
        try {
            JsonNode node = JSON.readTree(Sealer.open(key, aad(personId), person.sealedProfile()));
            Optional<LocalDate> birth = node.hasNonNull("birthDate")
                ? Optional.of(LocalDate.parse(node.get("birthDate").asText())) : Optional.empty();
            return new Profile(node.path("preferredLanguage").asText("en"), birth);
        } catch (IOException e) {
            throw new UncheckedIOException("a sealed profile is not JSON", e);
        }
    }
}
