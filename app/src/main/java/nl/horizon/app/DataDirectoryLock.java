package nl.horizon.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Horizon per data directory: an exclusive lock on {@code <data.dir>/horizon.lock}, taken before
 * anything else in the directory is touched and held until the Horizon that took it closes. Two
 * processes on one directory would start one broker log twice, share Streams state stores and fight over
 * the index; the second one is stopped before it can do any of that, with the first one's pid. The
 * operating system drops the lock when its holder dies, so a killed Horizon leaves nothing to clean up;
 * the file stays, holding the pid of the last holder.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "horizon.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock and writes this process's pid into it.
     *
     * @throws InUse when another process (or another Horizon in this one) holds it
     */
    static DataDirectoryLock take(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new InUse(dataDir, holder(channel));
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0).write(ByteBuffer.wrap(pid), 0);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Null when held elsewhere; the JVM reports its own locks as an exception instead. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** The holder's pid as it wrote it, or "unknown" while it has not yet (or where locks also block reads). */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer content = ByteBuffer.allocate(32);
            channel.read(content, 0);
            String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? pid : "unknown";
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The data directory belongs to another running Horizon; the message says which and what to do. */
    static final class InUse extends IOException {
        InUse(Path dataDir, String pid) {
            super("data directory " + dataDir.toAbsolutePath() + " is in use by another Horizon (pid " + pid
                    + "); stop it first or set " + HorizonConfig.DATA_DIR);
        }
    }
}
