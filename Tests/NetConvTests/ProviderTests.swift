@testable import NetConv
import Testing

/// Providers are recognised by their published address blocks (IPv4 and IPv6) and by host-name
/// patterns anchored to the whole first label, from `Grammar/report/providers.json`.
@Suite struct ProviderTests {
  /// Every block in the data parses, has no host bits set, and is the family it claims.
  @Test func everyPublishedBlockParses() {
    for provider in ReportKnowledge.providers {
      for cidr in provider.ranges {
        #expect(IPAddressRange(cidr: cidr) != nil, "\(provider.name): \(cidr)")
      }
    }
    #expect(ReportKnowledge.providerRanges.count == ReportKnowledge.providers.map(\.ranges.count).reduce(0, +))
  }

  /// The blocks the issue names, IPv6 as well as IPv4, and the public DNS resolvers.
  @Test(arguments: [
    ("2a00:1450:4001:82b::200e", "Google"), ("2a03:2880:f12f:83:face:b00c:0:25de", "Facebook / Meta"),
    ("104.16.132.229", "Cloudflare"), ("104.23.1.1", "Cloudflare"), ("157.240.20.35", "Facebook / Meta"),
    ("31.13.92.36", "Facebook / Meta"), ("8.8.8.8", "Google"), ("1.1.1.1", "Cloudflare"),
    ("2606:4700:4700::1111", "Cloudflare"), ("142.250.185.78", "Google"), ("17.253.144.10", "Apple"),
    ("151.101.1.69", "Fastly (content delivery)"), ("140.82.114.4", "GitHub"), ("23.38.167.219", "Akamai (content delivery)"),
    ("52.97.146.162", "Microsoft"), ("::ffff:142.250.185.78", "Google"), ("fe80::1%eth0", nil),
  ] as [(String, String?)])
  func addressesByPublishedBlock(_ address: String, _ provider: String?) {
    #expect(ReportKnowledge.provider(for: address) == provider, "\(address)")
  }

  /// Names: the whole first label must fit a pattern, and a domain must end at a dot — a LAN
  /// box called `server-nas` or `ec2-backup` is not Amazon, `notgoogle.com` is not Google.
  @Test(arguments: [
    ("lga25s56-in-f10", "Google"), ("sfo07s13-in-f5.1e", "Google"), ("lhr48s29-in-x0e.1e100.net", "Google"),
    ("a23-38-167-219", "Akamai (content delivery)"), ("edge-star-mini-shv-01-frt3", "Facebook / Meta"),
    ("server-54-230-61-40.icn54.r.cloudfront.net", "Amazon Web Services"), ("server-54-230-61-40", "Amazon Web Services"),
    ("ec2-52-58-177-70.eu-central-1.compute.amazonaw", "Amazon Web Services"), ("lb-140-82-114-5-iad", "GitHub"),
    ("www.google.com", "Google"), ("google.com", "Google"),
    ("server-nas", nil), ("ec2-backup", nil), ("notgoogle.com", nil), ("my-in-fo", nil), ("a23", nil),
  ] as [(String, String?)])
  func namesByAnchoredPattern(_ name: String, _ provider: String?) {
    #expect(ReportKnowledge.provider(for: name) == provider, "\(name)")
  }

  /// A dot-less name is the local network unless it is a provider's first label.
  @Test func dotlessNamesAreLocalUnlessAProvidersLabel() {
    #expect(AddressClass.of("server-nas") == .privateNetwork)
    #expect(AddressClass.of("server-13-224-1-2") == .name)
  }

  @Test func addressNumbersParseBothFamilies() {
    #expect(IPAddressNumber("2001:db8::") == IPAddressNumber("2001:0db8:0:0:0:0:0:0"))
    #expect(IPAddressNumber("::ffff:1.2.3.4") == IPAddressNumber("1.2.3.4"))
    #expect(IPAddressNumber("1:2:3:4:5:6:7:8") != nil)
    for bad in ["1.2.3", "1.2.3.256", "1::2::3", "1:::2", "12345::", "1:2:3:4:5:6:7:8:9", "host", "*", "xxx.xxx.xxx.xxx", "1.2.3.04x"] {
      #expect(IPAddressNumber(bad) == nil, "\(bad)")
    }
    #expect(IPAddressRange(cidr: "142.250.0.1/15") == nil)  // host bits set
    #expect(IPAddressRange(cidr: "10.0.0.0/33") == nil)
  }

  /// Long hostile labels never match and never take long.
  @Test func longLabelsNeverMatch() {
    let long = String(repeating: "1-", count: 5000) + "in-f1"
    #expect(!HostPattern.matches("*-in-f#", long[...]))
    #expect(ReportKnowledge.provider(for: long) == nil)
  }
}
