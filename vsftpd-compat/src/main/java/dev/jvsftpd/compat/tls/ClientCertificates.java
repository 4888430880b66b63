package dev.jvsftpd.compat.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What vsftpd's verify callback decides about a client certificate: with validate_cert=NO any
 * certificate is accepted (vsftpd asks for one only to compare it between the control and the
 * data connections); with validate_cert=YES it must chain to ca_certs_file, and without that file
 * nothing validates (vsftpd loads no default CA paths). The CAs are also the names offered in the
 * certificate request, as SSL_CTX_set_client_CA_list does.
 */
final class ClientCertificates extends X509ExtendedTrustManager {
    private final X509Certificate[] authorities;
    private final boolean validate;
    /** PKIX over the CA file; null when there is none (then nothing validates). */
    private final X509ExtendedTrustManager validator;

    private ClientCertificates(List<X509Certificate> authorities, boolean validate, X509ExtendedTrustManager validator) {
        this.authorities = authorities.toArray(new X509Certificate[0]);
        this.validate = validate;
        this.validator = validator;
    }

    static TrustManager[] of(List<X509Certificate> authorities, boolean validate) throws GeneralSecurityException {
        X509ExtendedTrustManager validator = null;
        if (validate && !authorities.isEmpty()) {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            try {
                anchors.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException(e);
            }
            for (int i = 0; i < authorities.size(); i++) {
                anchors.setCertificateEntry("ca" + i, authorities.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    validator = extended;
                }
            }
        }
        return new TrustManager[] {new ClientCertificates(authorities, validate, validator)};
    }

    private X509ExtendedTrustManager validator() throws CertificateException {
        if (validator == null) {
            throw new CertificateException("validate_cert=YES but no ca_certs_file to validate against");
        }
        return validator;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (validate) {
            validator().checkClientTrusted(chain, authType, engine);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (validate) {
            validator().checkClientTrusted(chain, authType, socket);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (validate) {
            validator().checkClientTrusted(chain, authType);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a server never checks server certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a server never checks server certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a server never checks server certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities.clone();
    }
}
