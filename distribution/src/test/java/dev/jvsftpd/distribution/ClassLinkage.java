package dev.jvsftpd.distribution;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * What the JVM's linker would say, eagerly: every class, field and method that the classes of
 * some jars name in their constant pools must exist, with that exact descriptor, among a set of
 * jars. A call that exists only in slf4j 2, mina 2.2.10 or a later Spring shows up here even when
 * no test runs that line.
 */
final class ClassLinkage {
    /** A symbolic reference: a class (name and descriptor null), a field or a method. */
    record Ref(String owner, String name, String descriptor, boolean field, String from) {
        String describe() {
            String what = name == null ? "class " + owner : owner + "." + name + " " + descriptor;
            return what + " (used by " + from + ")";
        }
    }

    private static final List<String> JDK_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/jndi/",
            "com/sun/net/", "com/sun/security/", "org/w3c/", "org/xml/", "org/ietf/");

    private ClassLinkage() {
    }

    /** The references from {@code checked} that {@code classpath} (plus the JDK) cannot satisfy, described. */
    static Set<String> unresolved(List<Path> checked, List<Path> classpath) throws IOException {
        Map<String, Ref> refs = new LinkedHashMap<>();
        for (Path jar : checked) {
            for (Ref ref : references(jar)) {
                refs.putIfAbsent(ref.owner() + '.' + ref.name() + ref.descriptor(), ref);
            }
        }
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classpath.get(i).toUri().toURL();
        }
        Set<String> missing = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (Ref ref : refs.values()) {
                if (JDK_PACKAGES.stream().noneMatch(ref.owner()::startsWith) && !resolves(ref, loader)) {
                    missing.add(ref.describe());
                }
            }
        }
        return missing;
    }

    /** Class names (with '/') of every class in a jar: to check that a jar bundles no foreign packages. */
    static List<String> classes(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            return jf.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).collect(Collectors.toList());
        }
    }

    private static boolean resolves(Ref ref, ClassLoader loader) {
        try {
            Class<?> owner = Class.forName(ref.owner().replace('/', '.'), false, loader);
            if (ref.name() == null) {
                return true;
            }
            if (ref.field()) {
                return hierarchy(owner).stream().flatMap(c -> Arrays.stream(c.getDeclaredFields()))
                        .anyMatch(f -> matches(f, ref));
            }
            if (ref.name().equals("<init>")) {
                return Arrays.stream(owner.getDeclaredConstructors()).anyMatch(c -> descriptor(c).equals(ref.descriptor()));
            }
            return hierarchy(owner).stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                    .anyMatch(m -> m.getName().equals(ref.name()) && descriptor(m).equals(ref.descriptor()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The class, its superclasses and all its interfaces (and Object, whose methods interfaces have). */
    private static List<Class<?>> hierarchy(Class<?> start) {
        List<Class<?>> all = new ArrayList<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(start, Object.class));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (all.contains(c)) {
                continue;
            }
            all.add(c);
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(List.of(c.getInterfaces()));
        }
        return all;
    }

    private static boolean matches(Field f, Ref ref) {
        return f.getName().equals(ref.name()) && f.getType().descriptorString().equals(ref.descriptor());
    }

    private static String descriptor(Method m) {
        return params(m.getParameterTypes()) + m.getReturnType().descriptorString();
    }

    private static String descriptor(Constructor<?> c) {
        return params(c.getParameterTypes()) + "V";
    }

    private static String params(Class<?>[] types) {
        return Arrays.stream(types).map(Class::descriptorString).collect(Collectors.joining("", "(", ")"));
    }

    private static List<Ref> references(Path jar) throws IOException {
        List<Ref> refs = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : jf.stream().filter(e -> e.getName().endsWith(".class")
                    && !e.getName().startsWith("META-INF/")).toList()) {
                try (InputStream in = jf.getInputStream(e)) {
                    refs.addAll(constantPoolRefs(new DataInputStream(in), e.getName()));
                }
            }
        }
        return refs;
    }

    /** The Class, Fieldref, Methodref and InterfaceMethodref entries of a class file (JVMS 4.4). */
    private static List<Ref> constantPoolRefs(DataInputStream in, String from) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file: " + from);
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] tag = new int[count];
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 1; i < count; i++) {
            tag[i] = in.readUnsignedByte();
            switch (tag[i]) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> a[i] = in.readUnsignedShort();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or double takes two slots
                }
                case 9, 10, 11, 12, 17, 18 -> {
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    a[i] = in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag[i] + " in " + from);
            }
        }
        List<Ref> refs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tag[i] == 7) {
                String name = utf8[a[i]];
                String element = name.replaceFirst("^\\[+", "");
                if (!element.equals(name)) { // an array class: check its element class, if any
                    if (!element.startsWith("L")) {
                        continue;
                    }
                    element = element.substring(1, element.length() - 1);
                }
                refs.add(new Ref(element, null, null, false, from));
            } else if (tag[i] == 9 || tag[i] == 10 || tag[i] == 11) {
                String owner = utf8[a[a[i]]];
                if (owner.startsWith("[")) {
                    continue; // clone() of an array
                }
                int nameAndType = b[i];
                refs.add(new Ref(owner, utf8[a[nameAndType]], utf8[b[nameAndType]], tag[i] == 9, from));
            }
        }
        return refs;
    }
}
