package io.inferplan.app.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a file beside the workspace, held while one InferPlan has the workspace open. The
 * operating system drops it when the process ends, however it ends, so a killed app never leaves a stale lock.
 */
final class AppLock {
    private final FileChannel channel;
    private final FileLock lock;

    private AppLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process (or another store in this one) holds the workspace. */
    static final class HeldElsewhere extends IOException {
        HeldElsewhere(Path file) {
            super("the workspace lock " + file + " is held by another InferPlan");
        }
    }

    static AppLock take(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new HeldElsewhere(file);
            }
            return new AppLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new HeldElsewhere(file);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The process is letting go of the workspace; the operating system frees the lock with the channel.
        }
    }
}
