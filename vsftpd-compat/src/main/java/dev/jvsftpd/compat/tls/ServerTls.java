package dev.jvsftpd.compat.tls;

import dev.jvsftpd.compat.config.OopsException;
import dev.jvsftpd.compat.config.VsftpdConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of FTPS for one configuration: the loaded certificates and keys, the client
 * certificate policy, and the protocols and suites vsftpd would enable. Built once per distinct
 * TLS configuration (a VSFTPD_LOAD_CONF overlay may name other files) and shared by sessions.
 *
 * <p>Every FTP session gets its own SSLContext from {@link #newSessionContext()}. That gives it
 * its own session cache and its own ticket keys, so a data connection can only resume a TLS
 * session that this control connection (or one of its earlier data connections) established:
 * what require_ssl_reuse means. vsftpd gets the same scoping from its process per session
 * (OpenSSL's session cache lives in that process), except that its ticket key is created once
 * before the fork and so is shared by all sessions.
 */
public final class ServerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    /** vsftpd asks OpenSSL never to expire sessions when reuse is required; JSSE caps tickets at 7 days. */
    private static final int REUSE_SESSION_SECONDS = 7 * 24 * 3600;
    /** OpenSSL's default server session lifetime, which vsftpd keeps otherwise. */
    private static final int DEFAULT_SESSION_SECONDS = 300;
    private static final char[] STORE_PASSWORD = "jvsftpd".toCharArray();
    private static final Map<TlsSettings, ServerTls> BUILT = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TlsSettings, ServerTls> eldest) {
            return size() > 16;
        }
    };

    private final TlsSettings settings;
    private final List<ServerCredentials> credentials;
    private final KeyManager[] keyManagers;
    private final TrustManager[] trustManagers;
    private final List<String> protocols;
    private final List<String> cipherSuites;

    private ServerTls(TlsSettings settings, List<ServerCredentials> credentials, KeyManager[] keyManagers,
                      TrustManager[] trustManagers, List<String> protocols, List<String> cipherSuites) {
        this.settings = settings;
        this.credentials = credentials;
        this.keyManagers = keyManagers;
        this.trustManagers = trustManagers;
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
    }

    /** The TLS side of {@code config}; vsftpd's {@code 500 OOPS: SSL: ...} when a file or ssl_ciphers is bad. */
    public static ServerTls forConfig(VsftpdConfig config) {
        TlsSettings settings = TlsSettings.from(config);
        synchronized (BUILT) {
            ServerTls built = BUILT.get(settings);
            if (built == null) {
                built = build(settings);
                BUILT.put(settings, built);
            }
            return built;
        }
    }

    /**
     * vsftpd's startup checks with ssl_enable=YES (it loads the files before listening and exits
     * with the OOPS), plus one of jvsftpd's own: a certificate that is expired or not valid yet is
     * refused too, because every client that verifies would refuse every connection (vsftpd 3.0.3
     * serves it regardless).
     */
    public static void checkAtStartup(VsftpdConfig config, Instant now) {
        if (!TlsSettings.from(config).enabled()) {
            return;
        }
        ServerTls tls = forConfig(config);
        for (ServerCredentials served : tls.credentials) {
            served.validityProblem(now).ifPresent(problem -> {
                throw new OopsException("SSL: cannot load " + served.kind() + " certificate", problem
                        + "; vsftpd 3.0.3 would serve it, but clients that verify certificates refuse it");
            });
        }
    }

    private static ServerTls build(TlsSettings settings) {
        TlsSettings.Files files = settings.files();
        List<ServerCredentials> credentials = new ArrayList<>();
        if (files.rsaCert() != null) {
            credentials.add(ServerCredentials.load("RSA", files.rsaCert(), files.rsaKey()));
        }
        if (files.dsaCert() != null) {
            credentials.add(ServerCredentials.load("DSA", files.dsaCert(), files.dsaKey()));
        }
        List<X509Certificate> authorities = List.of();
        if (settings.readsCaFile()) {
            String oops = "SSL: could not load verify file";
            authorities = ServerCredentials.certificates(ServerCredentials.read(files.caCerts(), oops), files.caCerts(),
                    oops);
            if (authorities.isEmpty()) {
                throw new OopsException(oops, files.caCerts() + ": no PEM certificate in it");
            }
        }
        try {
            KeyManager[] keyManagers = keyManagers(credentials);
            TrustManager[] trustManagers = ClientCertificates.of(authorities, settings.clientCerts().validate());
            SSLContext probe = SSLContext.getInstance("TLS");
            probe.init(keyManagers, trustManagers, null);
            List<String> protocols = settings.protocols(Set.of(probe.getSupportedSSLParameters().getProtocols()));
            List<String> suites = cipherSuites(settings, probe);
            return new ServerTls(settings, List.copyOf(credentials), keyManagers, trustManagers, protocols, suites);
        } catch (GeneralSecurityException | IOException e) {
            throw new OopsException("SSL: could not allocate SSL context", e.getMessage());
        }
    }

    /** The key managers pick the entry whose key type the handshake asks for, as OpenSSL does per cipher. */
    private static KeyManager[] keyManagers(List<ServerCredentials> credentials)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (ServerCredentials served : credentials) {
            store.setKeyEntry(served.kind().toLowerCase(), served.key(), STORE_PASSWORD,
                    served.chain().toArray(new X509Certificate[0]));
        }
        // SunX509 chooses by key type only: it does not second-guess validity or key usage, like OpenSSL
        KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
        factory.init(store, STORE_PASSWORD);
        return factory.getKeyManagers();
    }

    /** TLS 1.3 suites as the JVM has them (ssl_ciphers does not reach them), then ssl_ciphers' selection. */
    private static List<String> cipherSuites(TlsSettings settings, SSLContext probe) {
        List<String> defaults = Arrays.asList(probe.getDefaultSSLParameters().getCipherSuites());
        List<String> tls13 = defaults.stream().filter(name -> !name.contains("_WITH_") && name.startsWith("TLS_")
                && !name.contains("SCSV")).toList();
        List<String> universe = Arrays.stream(probe.getSupportedSSLParameters().getCipherSuites())
                .filter(name -> CipherSuite.parse(name).isPresent()).toList();
        String string = settings.ciphers() == null ? "DEFAULT" : settings.ciphers();
        OpenSslCipherString.Selection selection = OpenSslCipherString.select(string, universe);
        List<String> selected = selection.systemProfile()
                ? defaults.stream().filter(name -> CipherSuite.parse(name).isPresent()).toList()
                : selection.suites();
        if (!selection.recognised()) {
            throw new OopsException("SSL: could not set cipher list",
                    "ssl_ciphers=" + string + " names no cipher suite OpenSSL knows");
        }
        if (selected.isEmpty() && settings.enabled()) {
            LOG.warn("ssl_ciphers={} selects no TLS 1.2 cipher suite this JVM offers: only TLS 1.3 clients can"
                    + " connect", string);
        }
        List<String> all = new ArrayList<>(tls13);
        all.addAll(selected);
        return List.copyOf(all);
    }

    public TlsSettings settings() {
        return settings;
    }

    public List<String> protocols() {
        return protocols;
    }

    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** A context of its own for one FTP session (see the class comment for why). */
    public SSLContext newSessionContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            context.getServerSessionContext().setSessionTimeout(settings.data().requireReuse()
                    ? REUSE_SESSION_SECONDS : DEFAULT_SESSION_SECONDS);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a TLS context that was built once cannot be built again", e);
        }
    }

    /**
     * The handshake parameters: vsftpd's protocols and suites, the client's suite preference
     * (vsftpd does not set server preference), and the client certificate request.
     */
    public SSLParameters parameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(protocols.toArray(new String[0]));
        parameters.setCipherSuites(cipherSuites.toArray(new String[0]));
        parameters.setUseCipherSuitesOrder(false);
        switch (settings.clientAuth()) {
            case NEED -> parameters.setNeedClientAuth(true);
            case WANT -> parameters.setWantClientAuth(true);
            default -> parameters.setWantClientAuth(false);
        }
        return parameters;
    }
}
