package eu.haven.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every RFC 6962 vector (transparency-dev/merkle) is accepted or refused exactly as its wantErr says. */
class Rfc6962VectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> inclusionVectors() throws Exception {
        return vectors("inclusion").map(f -> DynamicTest.dynamicTest(name(f), () -> {
            JsonNode v = JSON.readTree(f.toFile());
            Runnable check = () -> Merkle.verifyInclusion(v.path("leafIdx").asLong(), v.path("treeSize").asLong(),
                b64(v.path("leafHash")), hashes(v.path("proof")), b64(v.path("root")));
            expect(v, check);
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() throws Exception {
        return vectors("consistency").map(f -> DynamicTest.dynamicTest(name(f), () -> {
            JsonNode v = JSON.readTree(f.toFile());
            Runnable check = () -> Merkle.verifyConsistency(v.path("size1").asLong(), v.path("size2").asLong(),
                hashes(v.path("proof")), b64(v.path("root1")), b64(v.path("root2")));
            expect(v, check);
        }));
    }

    @TestFactory
    Stream<DynamicTest> happyPathsAreReproducedByTheGenerator() throws Exception {
        return vectors("consistency").filter(f -> f.getFileName().toString().equals("happy-path.json"))
            .map(f -> DynamicTest.dynamicTest(name(f), () -> {
                JsonNode v = JSON.readTree(f.toFile());
                long size2 = v.path("size2").asLong();
                HashReader reader = MerkleTestTrees.reader(MerkleTestTrees.leaves((int) size2));
                assertThat(Merkle.rootHash(size2, reader)).isEqualTo(b64(v.path("root2")));
                assertThat(Merkle.consistencyProof(v.path("size1").asLong(), size2, reader))
                    .containsExactlyElementsOf(hashes(v.path("proof")));
            }));
    }

    private static void expect(JsonNode v, Runnable check) {
        assertThat(v.has("wantErr")).isTrue();
        if (v.path("wantErr").asBoolean()) {
            assertThatThrownBy(check::run).isInstanceOf(VerificationException.class);
        } else {
            assertThatCode(check::run).doesNotThrowAnyException();
        }
    }

    private static Stream<Path> vectors(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(Rfc6962VectorsTest.class.getResource("/rfc6962/" + kind).toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        return files.stream();
    }

    private static String name(Path f) {
        return f.getParent().getFileName() + "/" + f.getFileName();
    }

    private static byte[] b64(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? new byte[0] : Base64.getDecoder().decode(n.asText());
    }

    private static List<byte[]> hashes(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        n.forEach(h -> out.add(b64(h)));
        return out;
    }
}
