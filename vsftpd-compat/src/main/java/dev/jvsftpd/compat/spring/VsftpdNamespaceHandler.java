package dev.jvsftpd.compat.spring;

import org.springframework.beans.factory.xml.NamespaceHandlerSupport;

/**
 * The {@code http://jvsftpd.dev/schema/vsftpd} namespace (META-INF/spring.handlers). Written
 * against Spring 2.5's API, which Apache FtpServer 1.2.1's distribution ships, and unchanged since.
 */
public class VsftpdNamespaceHandler extends NamespaceHandlerSupport {
    @Override
    public void init() {
        registerBeanDefinitionParser("server", new ServerDefinitionParser());
    }
}
