package io.tierzero.kb.eval;

import io.tierzero.kb.parse.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The reference point: plain Lucene BM25 over title and body in one field, standard analysis,
 * default settings, no decision (it always answers with its first hit).
 */
public final class Bm25Baseline implements AutoCloseable {
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();

  public Bm25Baseline(Collection<Article> articles) throws IOException {
    try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Article a : articles) {
        Document doc = new Document();
        doc.add(new StringField("id", a.id(), Field.Store.YES));
        doc.add(new TextField("text", a.title() + "\n" + a.plainText(), Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
  }

  public List<String> rank(String question, int limit) throws IOException {
    try {
      var query = new QueryParser("text", analyzer).parse(QueryParser.escape(question));
      IndexSearcher searcher = new IndexSearcher(reader);
      List<String> ids = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
        ids.add(searcher.storedFields().document(hit.doc).get("id"));
      }
      return ids;
    } catch (ParseException e) {
      return List.of();
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
