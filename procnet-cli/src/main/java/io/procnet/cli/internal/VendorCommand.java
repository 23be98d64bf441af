package io.procnet.cli.internal;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.procnet.server.VendorException;
import io.procnet.server.VisNetworkVendor;
import java.nio.file.Path;

/** {@code procnet vendor}: vis-network for offline use, as the original's {@code prepare_portable.py} made it. */
@Parameters(commandDescription = "Download a vis-network release, its licence and a manifest, for serve to use offline")
final class VendorCommand extends Command {

    @Parameter(names = "--version", required = true, placeholder = "X", description = "vis-network release, such as 9.1.2", order = 1)
    String version;

    @Parameter(names = "--out", placeholder = "DIR", description = "Directory to write (replaced whole only when all went well);"
            + " by default 'vendor' in the Procnet directory, where serve finds it", order = 2)
    String out;

    @Parameter(names = "--base-url", placeholder = "URL", description = "Where the npm package is served", order = 3)
    String baseUrl = VisNetworkVendor.DEFAULT_BASE_URL;

    @Parameter(names = "--sha256", placeholder = "HEX", description = "The SHA-256 the bundle must have", order = 4)
    String sha256;

    @Override
    int run(Terminal terminal) throws UsageException, FailureException {
        Path target = out == null ? Home.vendorDirectory() : Directories.path("--out", out).toAbsolutePath();
        VisNetworkVendor vendor = configure(terminal);
        terminal.say("vis-network " + version + " from " + vendor.bundleUri());
        VisNetworkVendor.Installed installed;
        try {
            installed = vendor.install(target);
        } catch (VendorException e) {
            throw new FailureException(e.getMessage() + "; " + target + " is as it was", e);
        }
        terminal.out().println("wrote " + installed.directory() + ": " + installed.jsFile() + " (" + installed.bytes()
                + " bytes, sha256 " + installed.sha256() + "), " + installed.licenceFile() + ", manifest.json");
        terminal.out().println(target.equals(Home.vendorDirectory())
                ? "serve uses it from now on"
                : "serve it with: procnet serve --vendor-dir " + target);
        terminal.out().flush();
        return 0;
    }

    private VisNetworkVendor configure(Terminal terminal) throws UsageException {
        VisNetworkVendor.Builder builder;
        try {
            builder = VisNetworkVendor.builder(version);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--version '" + version + "': " + e.getMessage(), e);
        }
        try {
            builder.baseUrl(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--base-url '" + baseUrl + "': " + e.getMessage(), e);
        }
        if (sha256 != null) {
            try {
                builder.sha256(sha256);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sha256 '" + sha256 + "': " + e.getMessage(), e);
            }
        }
        return builder.progress(progress -> terminal.progress(progress.line(), progress.done())).build();
    }
}
