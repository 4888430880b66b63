package dev.jvsftpd.compat.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.xml.AbstractSingleBeanDefinitionParser;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code <vsftpd:server config-file=".." dialect=".." hosts-allow=".." hosts-deny="..">
 * <vsftpd:option>name=value</vsftpd:option>... </vsftpd:server>} becomes a call of
 * {@link VsftpdServers#create}: the values stay strings in the bean definition, so property
 * placeholders work, and closing the context stops the server.
 */
final class ServerDefinitionParser extends AbstractSingleBeanDefinitionParser {
    static final String NAMESPACE = "http://jvsftpd.dev/schema/vsftpd";

    @Override
    protected Class<?> getBeanClass(Element element) {
        return VsftpdServers.class;
    }

    @Override
    protected void doParse(Element element, BeanDefinitionBuilder builder) {
        builder.setFactoryMethod("create");
        builder.addConstructorArgValue(attribute(element, "config-file"));
        builder.addConstructorArgValue(options(element));
        builder.addConstructorArgValue(attribute(element, "dialect"));
        builder.addConstructorArgValue(attribute(element, "hosts-allow"));
        builder.addConstructorArgValue(attribute(element, "hosts-deny"));
        builder.setDestroyMethodName("stop");
    }

    /** CommandLine falls back to the only FtpServer bean, so an id is optional. */
    @Override
    protected boolean shouldGenerateIdAsFallback() {
        return true;
    }

    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    /** The text of each {@code <vsftpd:option>}, in document order (plain DOM: no Spring utility needed). */
    private static List<String> options(Element element) {
        List<String> options = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element option && NAMESPACE.equals(option.getNamespaceURI())
                    && "option".equals(option.getLocalName())) {
                options.add(option.getTextContent());
            }
        }
        return options;
    }
}
