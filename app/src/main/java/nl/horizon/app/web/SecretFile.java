package nl.horizon.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A random secret kept in a file that only its owner may read, made on first use and read on every
 * later one: the demo analyst's token, the embedded Connect worker's REST credential. The file is
 * created with mode 0600 in one step, so there is no moment in which another user could open it, and a
 * file found with wider permissions is narrowed before it is read.
 */
public final class SecretFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /** The secret in {@code file}, a new {@link Accounts#newToken() token} written there if there was none. */
    public static String readOrCreate(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Accounts.newToken() + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException kept) {
            if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
            throw new IOException("the secret file " + file + " is empty; delete it to have a new one made");
        }
        return secret;
    }
}
