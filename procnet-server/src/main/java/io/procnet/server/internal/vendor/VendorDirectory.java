package io.procnet.server.internal.vendor;

import io.procnet.server.VendorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A vendor directory replaced whole, or not at all. The new files are written into a fresh
 * directory beside the target ({@code .<name>.new-<random>}, so on the same file system) and
 * synced; then the target is renamed aside ({@code .<name>.old-<random>}), the new one renamed
 * into its place, both directory entries synced, and the old one deleted. Each rename is atomic,
 * so a reader of the target sees the old set or the new set, never a mix, though between the two
 * renames it may briefly see no directory at all (the server then serves its bundled copy for
 * that request). Replacing the directory rather than its files leaves no file of an older version
 * behind, and a failure before the swap touches nothing but the fresh directory, which is removed.
 * Because the target goes whole, a directory holding anything but vendor files is refused.
 */
public final class VendorDirectory {
    private static final System.Logger LOG = System.getLogger("io.procnet.server");
    /** Tries at a fresh name beside the target: another try only when a name was taken, as by a crashed run's leftover. */
    private static final int NAME_TRIES = 10;

    private VendorDirectory() {
    }

    /** Refuses a target that is not a directory, or one holding anything but vendor files. */
    public static void checkTarget(Path target) throws VendorException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new VendorException("cannot install into " + target + ": it is a file, not a directory");
        }
        try (Stream<Path> entries = Files.list(target)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!VisNetworkLayout.isVendorFile(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    throw new VendorException("cannot replace " + target + ": it holds " + name
                            + ", which is not a vendor file, and the directory is replaced whole");
                }
            }
        } catch (IOException e) {
            throw new VendorException("cannot read " + target + ": " + why(e), e);
        }
    }

    /** Replaces {@code target} (or creates it, with its parents) by a directory of exactly {@code files}. */
    public static void replace(Path target, Map<String, byte[]> files) throws VendorException {
        checkTarget(target);
        Path real;
        try {
            // a link to the directory stays a link: the directory it leads to is the one replaced
            real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new VendorException("cannot resolve " + target + ": " + why(e), e);
        }
        Path parent = real.getParent();
        if (parent == null) {
            throw new VendorException("cannot install into " + target + ": it is a root directory");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new VendorException("cannot create " + parent + ": " + why(e), e);
        }
        String suffix = null;
        Path fresh = null;
        for (int tries = 0; fresh == null; tries++) {
            suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            try {
                fresh = Files.createDirectory(parent.resolve("." + real.getFileName() + ".new-" + suffix));
            } catch (FileAlreadyExistsException e) {
                if (tries == NAME_TRIES) {
                    throw new VendorException("cannot create a directory beside " + real + ": " + why(e), e);
                }
            } catch (IOException e) {
                throw new VendorException("cannot create a directory beside " + real + ": " + why(e), e);
            }
        }
        Path aside = parent.resolve("." + real.getFileName() + ".old-" + suffix);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                write(fresh.resolve(file.getKey()), file.getValue());
            }
            sync(fresh);
            if (Files.exists(real)) {
                checkTarget(real); // again: it may have changed while the files came
                copyPermissions(real, fresh);
                swap(real, fresh, aside);
            } else {
                Files.move(fresh, real, StandardCopyOption.ATOMIC_MOVE);
                sync(parent);
            }
        } catch (IOException e) {
            throw new VendorException("cannot write " + real + ": " + why(e), e);
        } finally {
            if (Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
                deleteFlat(fresh);
            }
        }
        if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS) && !deleteFlat(aside)) {
            LOG.log(System.Logger.Level.WARNING, "installed " + real + ", but could not delete the previous files in "
                    + aside);
        }
    }

    /** The old directory aside, the new one in; the old one back when the new one cannot go in. */
    private static void swap(Path real, Path fresh, Path aside) throws IOException, VendorException {
        Files.move(real, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(fresh, real, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(aside, real, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException back) {
                e.addSuppressed(back);
                throw new VendorException("cannot write " + real + ": " + why(e) + "; and the previous files could not"
                        + " be moved back: they are in " + aside, e);
            }
            throw e;
        }
        sync(real.getParent());
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Makes a directory's entries durable, so that after a crash the renamed directory holds its
     * files. Windows cannot open a directory for this; NTFS journals its entries itself.
     */
    private static void sync(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot sync the directory " + directory + ": " + why(e));
        }
    }

    /** The replaced directory's permissions on the new one, so that replacing it changes no access. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(to, view.readAttributes().permissions());
        }
    }

    /** An I/O failure on one line: the JDK's file exceptions give only the path as their message. */
    static String why(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** Deletes a directory of files only (what this class writes and what {@link #checkTarget} admits). */
    private static boolean deleteFlat(Path directory) {
        try {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> entries = Files.list(directory)) {
                entries.forEach(files::add);
            }
            for (Path file : files) {
                Files.delete(file);
            }
            Files.delete(directory);
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + directory + ": " + why(e));
            return false;
        }
    }
}
