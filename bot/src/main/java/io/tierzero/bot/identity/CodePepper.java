package io.tierzero.bot.identity;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret key of the one-time code hashes. A six-digit code has only a million values, so a hash
 * the database alone can check is a hash anyone with a copy of the database can reverse in seconds;
 * the key therefore never goes into the database. It is {@code tierzero.flows.code-pepper} when
 * configured, otherwise a random one generated at first start into {@code
 * tierzero.flows.code-pepper-file} (owner-only) and reused, so codes in flight survive a restart.
 */
@Singleton
class CodePepper {
  private static final Logger LOG = LoggerFactory.getLogger(CodePepper.class);

  /** 256 bits: the HMAC-SHA256 key size. */
  private static final int GENERATED_BYTES = 32;

  private final byte[] key;

  CodePepper(CodeConfiguration config) {
    if (!config.codePepper().isEmpty()) {
      key = config.codePepper().getBytes(StandardCharsets.UTF_8);
    } else {
      var file = Path.of(config.codePepperFile());
      key = readOrGenerate(file).getBytes(StandardCharsets.UTF_8);
      // Info, not a warning: for one instance the file is enough, and the start-up check
      // (io.tierzero.bot.production) already warns, or refuses in prod, when it is not set.
      LOG.info(
          "No {}.code-pepper configured: one-time codes are keyed with the pepper in {}. With more"
              + " than one instance, set TIERZERO_FLOWS_CODE_PEPPER to the same secret on every"
              + " one, or a code sent by one instance fails on another.",
          CodeConfiguration.PREFIX,
          file.toAbsolutePath());
    }
  }

  /** The key; a copy, so no caller can change it. */
  byte[] key() {
    return key.clone();
  }

  private static String readOrGenerate(Path file) {
    try {
      if (Files.exists(file)) return read(file);
      var parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      var bytes = new byte[GENERATED_BYTES];
      new SecureRandom().nextBytes(bytes);
      var pepper = HexFormat.of().formatHex(bytes);
      // Created with its final permissions, so it is never readable by others, not even briefly.
      try (var out =
          Files.newOutputStream(Files.createFile(file, ownerOnly()), StandardOpenOption.WRITE)) {
        out.write(pepper.getBytes(StandardCharsets.US_ASCII));
      }
      LOG.info("Generated a code pepper in {}", file.toAbsolutePath());
      return pepper;
    } catch (FileAlreadyExistsException e) {
      // Another instance sharing the folder created it first: use theirs.
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot keep the code pepper in "
              + file.toAbsolutePath()
              + ": set "
              + CodeConfiguration.PREFIX
              + ".code-pepper or make the folder writable",
          e);
    }
  }

  private static String read(Path file) {
    try {
      var pepper = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (pepper.isEmpty())
        throw new IllegalStateException(
            "The code pepper file " + file.toAbsolutePath() + " is empty");
      return pepper;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the code pepper in " + file.toAbsolutePath(), e);
    }
  }

  /**
   * rw------- where the file system has POSIX permissions; elsewhere the folder's own ACL applies.
   */
  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
      return new FileAttribute<?>[0];
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }
}
