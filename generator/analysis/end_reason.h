// What a free-text end reason ("Avslutningsårsak") says: ended in work, ended to study, or
// another reason (docs/figures.md, "Ended in work or education"). The input has no code for
// it, so the reason is read clause by clause, and a clause that doubts the job — "Ønsket ikke
// jobb", "Sluttet i jobben", "arbeidsledig" — never counts as one.
#pragma once

#include <string_view>

namespace ips {

/// The groups of the free-text end reason.
enum class EndReasonGroup {
  Work,       // ended in a job ("I jobb, trenger ikke lenger oppfølging")
  Education,  // ended to study ("Begynt på utdanning")
  Other,      // any other reason, none stated, or a text that doubts the job or study it names
};

/// The group of an end reason text: Work when one clause (text between , ; . : / ( ) or a
/// dash) names a job (a word ending in "jobb"/"jobben", "arbeid", "ansatt", "job", "work",
/// "employed" …; not work practice, sheltered or unpaid work) and holds neither a negation
/// ("ikke", "not", "uten" …) nor a word of leaving or losing ("sluttet", "mistet", "lost",
/// "quit" …); else Education by the same rule for study words; else Other. Case does not matter.
EndReasonGroup end_reason_group(std::string_view reason);

}  // namespace ips
