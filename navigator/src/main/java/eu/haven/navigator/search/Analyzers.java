package eu.haven.navigator.search;

import com.ibm.icu.text.Transliterator;
import eu.haven.navigator.directory.Languages;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * The analyzers of the navigator's fields. {@code text_<lang>}: the language's own analyzer (stemming or, for
 * Ukrainian, a dictionary lemmatiser; Tigrinya and Somali have none, so ICU word breaking and folding).
 * {@code fold}: every language's text, ICU-tokenised and folded, for words typed in another language than the
 * page's and for close spellings. {@code latin}: the same, transliterated to Latin ASCII, so "Київ" and "Kyiv" meet.
 * {@code concept}: the curated term map ({@code terms.txt}), which turns "Aufenthaltstitel", "residence permit" and
 * "посвідка на проживання" into one concept token.
 */
public final class Analyzers {
    public static final String FOLD = "fold";
    public static final String LATIN = "latin";
    public static final String CONCEPT = "concept";

    private Analyzers() {
    }

    public static String textField(String lang) {
        return "text_" + lang;
    }

    /** One analyzer for every field, each field with its own. */
    public static Analyzer perField() {
        Map<String, Analyzer> fields = new HashMap<>();
        for (String lang : Languages.ALL) {
            fields.put(textField(lang), language(lang));
        }
        fields.put(LATIN, latin());
        fields.put(CONCEPT, concepts(folding()));
        return new PerFieldAnalyzerWrapper(folding(), fields);
    }

    static Analyzer language(String lang) {
        return switch (lang) {
            case "en" -> new EnglishAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "uk" -> new UkrainianMorfologikAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            case "fa" -> new PersianAnalyzer();
            default -> folding();
        };
    }

    /** ICU word breaking (which splits Ethiopic script properly) and ICU folding (case, accents, width, forms). */
    public static Analyzer folding() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new ICUTokenizer();
                return new TokenStreamComponents(source, new ICUFoldingFilter(source));
            }
        };
    }

    static Analyzer latin() {
        Transliterator toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII");
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new ICUTokenizer();
                TokenStream s = new ICUTransformFilter(source, toLatin);
                return new TokenStreamComponents(source, new ICUFoldingFilter(s));
            }
        };
    }

    private static Analyzer concepts(Analyzer folding) {
        SynonymMap map = termMap(folding);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new ICUTokenizer();
                TokenStream s = new ICUFoldingFilter(source);
                return new TokenStreamComponents(source, new FlattenGraphFilter(new SynonymGraphFilter(s, map, true)));
            }
        };
    }

    private static SynonymMap termMap(Analyzer folding) {
        SolrSynonymParser parser = new SolrSynonymParser(true, false, folding);
        try (var in = Analyzers.class.getResourceAsStream("/navigator/terms.txt")) {
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("navigator/terms.txt line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }
}
