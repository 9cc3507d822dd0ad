package eu.haven.navigator.question;

import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.Languages;
import eu.haven.navigator.directory.QuestionEntry;
import eu.haven.navigator.search.Analyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Answers a question from the curated entries by retrieval, never by generating text: the entry whose question
 * (and the other ways to ask it) shares enough of the asked words, in the reader's language or through the term
 * map, is the answer; otherwise there is none, and the page says so. The question is neither stored nor logged.
 */
public final class QuestionBox {
    /** Share of the asked words (after the language's analysis) an entry must hold to count as the answer. */
    private static final float MUST_MATCH = 0.5f;
    private final Directory directory;
    private final IndexSearcher searcher;
    private final QueryBuilder builder;

    private QuestionBox(Directory directory, IndexSearcher searcher, Analyzer analyzer) {
        this.directory = directory;
        this.searcher = searcher;
        this.builder = new QueryBuilder(analyzer);
    }

    public static QuestionBox build(Directory directory) {
        Analyzer analyzer = Analyzers.perField();
        ByteBuffersDirectory store = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(store, new IndexWriterConfig(analyzer))) {
            for (QuestionEntry q : directory.questions()) {
                Document doc = new Document();
                doc.add(new StringField("id", q.id(), Field.Store.YES));
                StringBuilder all = new StringBuilder();
                var asked = q.translations().all("question", q.question());
                var keywords = q.translations().all("keywords", q.keywords());
                for (String lang : Languages.ALL) {
                    String text = asked.getOrDefault(lang, "") + "\n" + keywords.getOrDefault(lang, "");
                    if (!text.isBlank()) {
                        doc.add(new TextField(Analyzers.textField(lang), text, Field.Store.NO));
                        all.append(text).append('\n');
                    }
                }
                doc.add(new TextField(Analyzers.FOLD, all.toString(), Field.Store.NO));
                doc.add(new TextField(Analyzers.CONCEPT, all.toString(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            return new QuestionBox(directory, new IndexSearcher(DirectoryReader.open(store)), analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The curated entry that answers the question, if one does. */
    public Optional<QuestionEntry> answer(String question, String lang) {
        String text = question == null ? "" : question.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() > 300) {
            text = text.substring(0, 300);
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int parts = 0;
        for (var part : new Query[] {
            boosted(builder.createMinShouldMatchQuery(Analyzers.textField(Languages.offered(lang)), text, MUST_MATCH), 2f),
            builder.createMinShouldMatchQuery(Analyzers.FOLD, text, MUST_MATCH)}) {
            if (part != null) {
                q.add(part, BooleanClause.Occur.SHOULD);
                parts++;
            }
        }
        if (parts == 0) {
            return Optional.empty();
        }
        try {
            ScoreDoc[] top = searcher.search(q.build(), 1).scoreDocs;
            if (top.length == 0) {
                return Optional.empty();
            }
            return directory.question(searcher.storedFields().document(top[0].doc).get("id"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query boosted(Query q, float boost) {
        return q == null ? null : new BoostQuery(q, boost);
    }
}
