package io.linkledger.conversions;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Matches an address against single IPs and CIDR ranges (IPv4 and IPv6). */
final class IpAllowList {

    private IpAllowList() {
    }

    static boolean allows(List<String> entries, String address) {
        if (address == null) {
            return false;
        }
        return entries.stream().anyMatch(entry -> matches(entry, address));
    }

    /** Whether {@code entry} is an IP or CIDR we can match; literal addresses only, no host names. */
    static boolean valid(String entry) {
        String ip = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        if (!ip.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            byte[] bytes = InetAddress.getByName(ip).getAddress();
            if (entry.contains("/")) {
                int bits = Integer.parseInt(entry.substring(entry.indexOf('/') + 1));
                return bits >= 0 && bits <= bytes.length * 8;
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean matches(String entry, String address) {
        try {
            byte[] candidate = InetAddress.getByName(address).getAddress();
            String ip = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
            byte[] network = InetAddress.getByName(ip).getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = entry.contains("/") ? Integer.parseInt(entry.substring(entry.indexOf('/') + 1)) : network.length * 8;
            int shift = network.length * 8 - bits;
            return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
