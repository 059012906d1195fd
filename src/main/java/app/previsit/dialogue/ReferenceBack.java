package app.previsit.dialogue;

import java.util.regex.Pattern;

/**
 * "No, just the one I asked earlier", "like I said", "same as before": the patient points back at
 * something already noted. Such a message adds nothing new, so it is not stored again.
 */
final class ReferenceBack {
  private static final Pattern REFERENCE = Pattern.compile("(?i)\\b(like i (said|say|told you|mentioned)|as i (said|say"
      + "|mentioned)|(the one|the ones|what|the question|the questions) i (asked|said|mentioned|typed|put|wrote)"
      + "( (earlier|before|already|above))?|already (said|asked|mentioned|told you|put)|i('ve| have) already"
      + "( (said|asked|told you|mentioned))?|same as (before|above|i said)|see above|mentioned (it )?(earlier|before|above))\\b");
  /** Words that carry nothing beside the reference. */
  private static final Pattern EMPTY_WORDS = Pattern.compile("(?i)\\b(no|nope|nah|not|just|only|really|that|that's"
      + "|thats|it|all|one|ones|thanks|thank|you|ok|okay|yes|yeah|so|and|the|i|earlier|before|already|above|one)\\b");

  private ReferenceBack() {}

  /** True when the whole message only points back at something said before. */
  static boolean only(String text) {
    if (!REFERENCE.matcher(text).find()) return false;
    String left = EMPTY_WORDS.matcher(REFERENCE.matcher(text).replaceAll(" ")).replaceAll(" ");
    return left.replaceAll("[^\\p{L}\\p{N}]", "").isEmpty();
  }
}
