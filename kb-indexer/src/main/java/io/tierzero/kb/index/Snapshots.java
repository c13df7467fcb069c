package io.tierzero.kb.index;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * The snapshot serving now, and the older ones still in use. A search acquires one and releases it
 * when done; a build publishes the next one after its commit. A snapshot's reader stays open while
 * any search holds it, so a search that began before a build finishes on the version it began on
 * (the reference counting Lucene's {@code SearcherManager} does, with the articles of the version
 * kept beside its searcher).
 */
final class Snapshots implements Closeable {
  private volatile IndexSnapshot current;

  /** Opens the last commit of {@code directory}, which holds {@code files}. */
  Snapshots(Directory directory, IndexedFiles files) throws IOException {
    this.current = new IndexSnapshot(new KbSearcher(DirectoryReader.open(directory)), files);
  }

  /** The snapshot serving now, without holding it: for its article table only. */
  IndexSnapshot current() {
    IndexSnapshot snapshot = current;
    if (snapshot == null) throw new AlreadyClosedException("the index is closed");
    return snapshot;
  }

  /** The snapshot serving now, held until {@link #release}. */
  IndexSnapshot acquire() {
    while (true) {
      IndexSnapshot snapshot = current();
      if (reader(snapshot).tryIncRef()) return snapshot;
      // Replaced and closed since it was read: the next one is serving already.
      if (snapshot == current) throw new IllegalStateException("the serving index is closed");
    }
  }

  void release(IndexSnapshot snapshot) throws IOException {
    reader(snapshot).decRef();
  }

  /**
   * Opens the latest commit of the directory as the serving snapshot; {@code files} is what that
   * commit holds. The previous one closes when its last search releases it.
   */
  synchronized void publish(IndexedFiles files) throws IOException {
    IndexSnapshot old = current();
    DirectoryReader reader = DirectoryReader.openIfChanged((DirectoryReader) reader(old));
    if (reader == null) {
      reader = (DirectoryReader) reader(old);
      reader.incRef();
    }
    current = new IndexSnapshot(new KbSearcher(reader), files);
    reader(old).decRef();
  }

  private static IndexReader reader(IndexSnapshot snapshot) {
    return snapshot.searcher().getIndexReader();
  }

  @Override
  public synchronized void close() throws IOException {
    IndexSnapshot last = current;
    current = null;
    if (last != null) reader(last).decRef();
  }
}
