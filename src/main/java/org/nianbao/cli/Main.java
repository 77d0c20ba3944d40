package org.nianbao.cli;
public final class Main { public static void main(String[] a) { } }
