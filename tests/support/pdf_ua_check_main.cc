// ipsreport-pdfua-check FILE.pdf...: prints every PDF/UA-1 failure found (file, page or object,
// what, checkpoint) and exits 1 when there is any, 0 when every file passes.
#include <iostream>

#include "support/pdf_ua_check.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ipsreport-pdfua-check FILE.pdf...\n";
    return 2;
  }
  int failed_files = 0;
  for (int i = 1; i < argc; ++i) {
    const auto failures = ips::pdfua::check_pdf_ua(argv[i]);
    for (const auto& f : failures) std::cout << ips::pdfua::describe(argv[i], f) << "\n";
    if (!failures.empty()) ++failed_files;
  }
  std::cout << (argc - 1 - failed_files) << " of " << (argc - 1)
            << " files pass the PDF/UA-1 checks\n";
  return failed_files == 0 ? 0 : 1;
}
