package dev.stigsmith.hostile;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Proof that a reader touched nothing outside its input. The file canary is a named pipe: opening a
 * pipe for reading unblocks the writer waiting on its other end, so a parser that merely opens the
 * file is caught (a regular file's read leaves no trace). The network canary is a listening socket
 * on the loopback address that counts every connection, whatever the protocol.
 */
final class Canary implements AutoCloseable {
  final Path file;
  final String url;
  private final AtomicBoolean fileOpened = new AtomicBoolean();
  private final AtomicBoolean releasing = new AtomicBoolean();
  private final AtomicInteger connections = new AtomicInteger();
  private final ServerSocket server;
  private final Thread writer;
  private final Thread acceptor;

  Canary(Path dir) throws IOException, InterruptedException {
    file = dir.resolve("canary-secret");
    Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("mkfifo failed");
    writer = new Thread(() -> {
      try (FileOutputStream out = new FileOutputStream(file.toFile())) {
        if (!releasing.get()) fileOpened.set(true);
        out.write("CANARY-SECRET-CONTENT".getBytes());
      } catch (IOException e) {
        // the reader went away: it was opened all the same
        if (!releasing.get()) fileOpened.set(true);
      }
    }, "canary-fifo");
    writer.setDaemon(true);
    writer.start();
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    url = "http://127.0.0.1:" + server.getLocalPort();
    acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          connections.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }, "canary-socket");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Copies a corpus file, putting this canary's file path and URL in place of the placeholders. */
  Path plant(Path corpusFile, Path into) throws IOException {
    byte[] b = Files.readAllBytes(corpusFile);
    Path out = into.resolve(corpusFile.getFileName().toString());
    if (b.length > 1 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      String s = new String(b, java.nio.charset.StandardCharsets.UTF_16LE);
      Files.write(out, fill(s).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    } else {
      Files.writeString(out, fill(new String(b, java.nio.charset.StandardCharsets.UTF_8)));
    }
    return out;
  }

  String fill(String s) {
    return s.replace("@CANARY_FILE@", file.toString()).replace("@CANARY_URL@", url);
  }

  boolean fileOpened() {
    return fileOpened.get();
  }

  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    releasing.set(true);
    server.close();
    // Open the pipe ourselves so the writer thread ends; then the pipe can go.
    Thread t = new Thread(() -> {
      try (FileInputStream in = new FileInputStream(file.toFile())) {
        in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    t.setDaemon(true);
    t.start();
    try {
      writer.join(2000);
      t.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(file);
  }
}
