package eu.haven.navigator.search;

import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.GeoPoint;
import eu.haven.navigator.directory.Languages;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.QueryBuilder;

/**
 * The search index of one state of the directory, held in memory and built again when the directory changes.
 * Queries combine the reader's language, every other language, the curated terms, transliteration and close
 * spellings ({@link Analyzers}); each hit says which of these matched.
 */
public final class ServiceIndex {
    private static final int MOST_HITS = SearchRequest.MOST;
    private final Directory directory;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final QueryBuilder builder;

    /** Each document's service, hours and places, by document number: nothing is read or parsed while searching. */
    private final Service[] services;
    private final OpeningHours[] hours;
    private final GeoPoint[][] points;

    private ServiceIndex(Directory directory, IndexSearcher searcher, Analyzer analyzer) throws IOException {
        this.directory = directory;
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.services = new Service[searcher.getIndexReader().maxDoc()];
        var stored = searcher.storedFields();
        this.hours = new OpeningHours[services.length];
        this.points = new GeoPoint[services.length][];
        for (int doc = 0; doc < services.length; doc++) {
            Service s = directory.service(stored.document(doc).get("id")).orElseThrow();
            services[doc] = s;
            hours[doc] = OpeningHours.of(s);
            points[doc] = directory.locationsOf(s.id()).stream().map(Location::point).flatMap(Optional::stream).toArray(GeoPoint[]::new);
        }
        this.builder = new QueryBuilder(analyzer);
    }

    public static ServiceIndex build(Directory directory) {
        Analyzer analyzer = Analyzers.perField();
        org.apache.lucene.store.Directory store = IndexFiles.create();
        try (IndexWriter writer = new IndexWriter(store, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
            for (Service s : directory.services()) {
                writer.addDocument(document(s, directory));
            }
            writer.forceMerge(1);
            writer.commit();
            writer.close();
            ServiceIndex index = new ServiceIndex(directory, new IndexSearcher(DirectoryReader.open(store)), analyzer);
            IndexFiles.release(store);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(Service s, Directory d) {
        Document doc = new Document();
        doc.add(new StringField("id", s.id(), Field.Store.YES));
        s.taxonomyTermIds().forEach(t -> doc.add(new StringField("term", t, Field.Store.NO)));
        Map<String, String> texts = ServiceTexts.of(s, d);
        StringBuilder all = new StringBuilder();
        texts.forEach((lang, text) -> {
            if (Languages.ALL.contains(lang)) {
                doc.add(new TextField(Analyzers.textField(lang), text, Field.Store.NO));
            }
            all.append(text);
        });
        String every = all.toString();
        doc.add(new TextField(Analyzers.FOLD, every, Field.Store.NO));
        doc.add(new TextField(Analyzers.LATIN, every, Field.Store.NO));
        doc.add(new TextField(Analyzers.CONCEPT, every, Field.Store.NO));
        return doc;
    }

    public Directory directory() {
        return directory;
    }

    public SearchResults search(SearchRequest request, ZonedDateTime now, Places places) {
        String lang = Languages.offered(request.lang());
        SearchResults exact = search(request, now, places, clauses(request.text(), lang));
        if (exact.total() > 0 || request.text().isBlank()) {
            return exact;
        }
        // Nothing spelled so: then words spelled a little differently (costlier, so only when nothing else matched).
        return closeSpelling(request.text()).map(q -> search(request, now, places, Map.of(Reason.CLOSE_SPELLING, q))).orElse(exact);
    }

    private SearchResults search(SearchRequest request, ZonedDateTime now, Places places, Map<Reason, Query> clauses) {
        String lang = Languages.offered(request.lang());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (clauses.isEmpty()) {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.SHOULD);
        } else {
            clauses.forEach((reason, q) -> query.add(new BoostQuery(q, boost(reason)), BooleanClause.Occur.SHOULD));
        }
        request.category().ifPresent(c -> query.add(new TermQuery(new Term("term", c)), BooleanClause.Occur.FILTER));
        Optional<GeoPoint> from = request.near().filter(n -> !n.isBlank()).flatMap(places::find);
        boolean placeUnknown = request.near().filter(n -> !n.isBlank()).isPresent() && from.isEmpty();
        try {
            Query built = query.build();
            // Only filters and distance need every hit; otherwise the page's hits are ranked and the rest only counted.
            boolean everyHit = request.openNow() || from.isPresent() || clauses.isEmpty();
            int wanted = everyHit ? MOST_HITS : Math.min(MOST_HITS, request.page() * request.size());
            // One pass ranks the page's hits and counts them all.
            TopDocs top = searcher.search(built, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
            ScoreDoc[] docs = top.scoreDocs;
            int total = (int) Math.min(MOST_HITS, top.totalHits.value());
            List<Found> found = new ArrayList<>();
            for (ScoreDoc sd : docs) {
                // Whether it is open is asked of every hit only when the reader filters by it; else of the page's.
                if (request.openNow() && hours[sd.doc].at(now) == OpeningHours.State.CLOSED) {
                    continue;
                }
                found.add(new Found(sd.doc, services[sd.doc], from.flatMap(p -> nearest(sd.doc, p))));
            }
            if (everyHit) {
                total = found.size();
            }
            if (clauses.isEmpty()) {
                found.sort(Comparator.comparing(f -> f.service().translations().of(lang, "name", f.service().name())
                    .toLowerCase(Locale.ROOT)));
            }
            if (from.isPresent()) {
                found.sort(Comparator.comparing(f -> f.km().orElse(Double.MAX_VALUE)));
            }
            int start = (request.page() - 1) * request.size();
            List<Found> shown = found.subList(Math.min(start, found.size()), Math.min(start + request.size(), found.size()));
            Map<Integer, Set<Reason>> why = reasons(shown.stream().mapToInt(Found::doc).toArray(), clauses,
                request.category().isPresent());
            List<SearchHit> page = new ArrayList<>();
            for (Found f : shown) {
                page.add(new SearchHit(f.service(), why.get(f.doc()), hours[f.doc()].at(now), f.km()));
            }
            return new SearchResults(page, total, request.page(), request.size(), placeUnknown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Found(int doc, Service service, Optional<Double> km) {
    }

    private Optional<Double> nearest(int doc, GeoPoint from) {
        double best = Double.MAX_VALUE;
        for (GeoPoint p : points[doc]) {
            best = Math.min(best, from.kilometresTo(p));
        }
        return best == Double.MAX_VALUE ? Optional.empty() : Optional.of(best);
    }

    private static float boost(Reason r) {
        return switch (r) {
            case OWN_LANGUAGE -> 3f;
            case TERM -> 2f;
            case OTHER_LANGUAGE, OTHER_SCRIPT -> 1f;
            default -> 0.5f;
        };
    }

    /** The query's parts, one a reason (close spellings apart: {@link #closeSpelling}); none for an empty query. */
    Map<Reason, Query> clauses(String text, String lang) {
        Map<Reason, Query> out = new EnumMap<>(Reason.class);
        if (text.isBlank()) {
            return out;
        }
        Optional.ofNullable(builder.createBooleanQuery(Analyzers.textField(lang), text)).ifPresent(q -> out.put(Reason.OWN_LANGUAGE, q));
        Optional.ofNullable(builder.createBooleanQuery(Analyzers.FOLD, text)).ifPresent(q -> out.put(Reason.OTHER_LANGUAGE, q));
        Optional.ofNullable(builder.createBooleanQuery(Analyzers.LATIN, text)).ifPresent(q -> out.put(Reason.OTHER_SCRIPT, q));
        List<String> concepts = Tokens.of(analyzer, Analyzers.CONCEPT, text).stream().filter(t -> t.startsWith("c_")).distinct().toList();
        if (!concepts.isEmpty()) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            concepts.forEach(c -> b.add(new TermQuery(new Term(Analyzers.CONCEPT, c)), BooleanClause.Occur.SHOULD));
            out.put(Reason.TERM, b.build());
        }
        return out;
    }

    /** Words spelled one letter away, in any language's folded text or in Latin letters; empty for no word of four letters. */
    private Optional<Query> closeSpelling(String text) {
        BooleanQuery.Builder fuzzy = new BooleanQuery.Builder();
        int fuzzies = 0;
        List<String> folded = Tokens.of(analyzer, Analyzers.FOLD, text);
        List<String> latin = Tokens.of(analyzer, Analyzers.LATIN, text);
        for (int i = 0; i < folded.size() && fuzzies < 8; i++) {
            String token = folded.get(i);
            if (token.codePointCount(0, token.length()) >= 4) {
                // One letter added, left out, changed or swapped: two would cost ten times as much on nine languages' words.
                fuzzy.add(new org.apache.lucene.search.FuzzyQuery(new Term(Analyzers.FOLD, token), 1, 1), BooleanClause.Occur.SHOULD);
                fuzzies++;
                // The same word in Latin letters, when it was written in another script.
                if (i < latin.size() && !latin.get(i).equals(token)) {
                    fuzzy.add(new org.apache.lucene.search.FuzzyQuery(new Term(Analyzers.LATIN, latin.get(i)), 1, 1), BooleanClause.Occur.SHOULD);
                }
            }
        }
        return fuzzies > 0 ? Optional.of(fuzzy.build()) : Optional.empty();
    }

    /**
     * Which of the query's parts each shown document matches: each part's matching documents are walked once, in
     * order, to the shown ones (cheaper than asking each document for its matches).
     */
    private Map<Integer, Set<Reason>> reasons(int[] docs, Map<Reason, Query> clauses, boolean byCategory) throws IOException {
        Map<Integer, Set<Reason>> out = new java.util.HashMap<>();
        for (int doc : docs) {
            out.put(doc, EnumSet.noneOf(Reason.class));
        }
        int[] sorted = docs.clone();
        java.util.Arrays.sort(sorted);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (var clause : clauses.entrySet()) {
            Weight weight = searcher.createWeight(searcher.rewrite(clause.getValue()), ScoreMode.COMPLETE_NO_SCORES, 1f);
            LeafReaderContext leaf = null;
            org.apache.lucene.search.DocIdSetIterator it = null;
            for (int doc : sorted) {
                LeafReaderContext at = leaves.get(ReaderUtil.subIndex(doc, leaves));
                if (at != leaf) {
                    leaf = at;
                    org.apache.lucene.search.Scorer scorer = weight.scorer(leaf);
                    it = scorer == null ? null : scorer.iterator();
                }
                int local = doc - leaf.docBase;
                if (it != null && (it.docID() == local || (it.docID() < local && it.advance(local) == local))) {
                    out.get(doc).add(clause.getKey());
                }
            }
        }
        for (Set<Reason> matched : out.values()) {
            if (matched.contains(Reason.OWN_LANGUAGE)) {
                matched.remove(Reason.OTHER_LANGUAGE);
            }
            if (matched.contains(Reason.OWN_LANGUAGE) || matched.contains(Reason.OTHER_LANGUAGE)) {
                matched.remove(Reason.OTHER_SCRIPT);
            }
            if (matched.size() > 1) {
                matched.remove(Reason.CLOSE_SPELLING);
            }
            if (byCategory) {
                matched.add(Reason.CATEGORY);
            }
        }
        return out;
    }
}
