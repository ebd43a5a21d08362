# Command-line behaviour, tested through CTest the way a user or cron job meets it.
set(IPS $<TARGET_FILE:ipsreport>)
set(EXPECT_EXIT ${CMAKE_CURRENT_SOURCE_DIR}/expect_exit.sh)
set(EXAMPLE ${CMAKE_SOURCE_DIR}/examples/ips-eksempel.xlsx)

add_test(NAME cli.help_lists_commands_and_exit_codes COMMAND ${IPS} --help)
set_tests_properties(cli.help_lists_commands_and_exit_codes PROPERTIES
  PASS_REGULAR_EXPRESSION "run.*check.*template.*Exit codes:.*5  another run")

add_test(NAME cli.run_help_lists_flags COMMAND ${IPS} run --help)
set_tests_properties(cli.run_help_lists_flags PROPERTIES
  PASS_REGULAR_EXPRESSION "--period.*--lang.*--formats.*--min-cell.*--force.*--timings")

add_test(NAME cli.version COMMAND ${IPS} --version)
set_tests_properties(cli.version PROPERTIES PASS_REGULAR_EXPRESSION "ipsreport [0-9]+\\.[0-9]+\\.[0-9]+")

# Exit code 2, with a message naming the problem, for every kind of bad command line or config.
function(ips_cli_exit2 name message)
  add_test(NAME cli.exit2_${name} COMMAND ${EXPECT_EXIT} 2 ${IPS} ${ARGN})
  set_tests_properties(cli.exit2_${name} PROPERTIES PASS_REGULAR_EXPRESSION "${message}.*exit code 2 as expected")
endfunction()
ips_cli_exit2(unknown_flag "no-such-flag" run ${EXAMPLE} --no-such-flag)
ips_cli_exit2(bad_period "2016-H3" ${EXAMPLE} --period 2016-H3)
ips_cli_exit2(bad_lang "unknown language 'de'" ${EXAMPLE} --lang de)
ips_cli_exit2(bad_format "unknown format 'docx'" ${EXAMPLE} --formats docx)
ips_cli_exit2(missing_input "input file not found: /nonexistent/ips.xlsx" /nonexistent/ips.xlsx)
ips_cli_exit2(missing_config "config file not found" --config /nonexistent/ipsreport.toml)
ips_cli_exit2(negative_min_cell "min-cell" ${EXAMPLE} --min-cell -1)
ips_cli_exit2(no_inputs "no input files given" run --out /tmp/ipsreport-cli-none)

# `ipsreport template` writes the two blank workbooks; without --out it is a usage error.
add_test(NAME cli.template_writes_blank_workbooks
         COMMAND ${IPS} template --out ${CMAKE_CURRENT_BINARY_DIR}/cli-template)
set_tests_properties(cli.template_writes_blank_workbooks PROPERTIES
  PASS_REGULAR_EXPRESSION "ips-kvalitetsmaling.xlsx.*ips-deltakere-og-jobber.xlsx.*ipsreport check")
ips_cli_exit2(template_without_out "--out is required" template)

# One exit-code contract: --help (from cli/exit_codes.h), README.md and the man page agree.
add_test(NAME cli.exit_codes_agree_in_help_readme_and_man_page
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/exit_codes_agree.sh ${IPS} ${CMAKE_SOURCE_DIR})
