package app.previsit.nlu;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a mention of an emergency in a clause is one happening now. It is not when it is
 * negated ("no chest pain"), in the past or resolved ("had a fit as a child", "it stopped"),
 * hypothetical ("what are the signs of a stroke?"), reported or read about ("I saw on TikTok…"), an
 * idiom ("this form is killing me"), mild or habitual ("a bit breathless on hills"), or about
 * someone else in the past ("my dad had a stroke"). Someone else *now* ("my son just drank bleach")
 * stands. Missing an emergency is the worse error, so each guard needs clear words.
 */
final class Guards {
  /** Why a mention does not stand. */
  enum Reason { NEGATED, PAST, RESOLVED, HYPOTHETICAL, REPORTED, IDIOM, MILD, ROUTINE, OTHER_PAST }

  private static final Set<String> NEGATORS = Set.of("no", "not", "never", "without", "none", "nor", "nothing",
      "denies", "free");
  /** "can not stop the bleeding", "will not wake": inability is a symptom, not a denial. */
  private static final Set<String> MODALS = Set.of("can", "could", "will", "cannot");
  private static final Set<String> NOT_JOKING = Set.of("joking", "kidding", "lying", "exaggerating");
  private static final Set<String> ONGOING = Set.of("stop", "stopped", "stopping", "ended", "worked", "working",
      "helped", "helping", "improved", "improving", "gone", "eased", "settled", "better");
  /**
   * What follows "it doesn't seem like" when it tells of someone who cannot do something now: "doesn't seem like he
   * can hear me", "doesn't seem like he is waking up". That is the symptom, not a denial (a fourth review).
   */
  private static final String SOMEONE_CANNOT = " (he|she|they|it|my \\w+|the baby|baby) ((is|are) (breathing|awake"
      + "|conscious|responding|waking|coming round|with it|listening|hearing)|(can|could|is able to) (hear|see|feel"
      + "|understand|move|breathe|speak|talk|wake|recognise|recognize|follow))";
  private static final Pattern FEEL_NOT = Pattern.compile("\\b(do|does|did) not (feel|think|seem|look)"
      + " (like|that|as if)\\b(?!" + SOMEONE_CANNOT + ")");

  private static final Pattern STRONG_NOW = Pattern.compile("\\b(right now|rn|just now|at the moment|currently|suddenly"
      + "|all of a sudden|this (morning|afternoon|evening)|tonight|today|minutes ago|an hour ago|hours ago"
      + "|half an hour|now (he|she|i|they|it|my|his|her)"
      // The event itself in the present: "I'm bleeding heavily after giving birth last week".
      + "|(am|is|are) (still )?(bleeding|fitting|choking|seizing|convulsing))\\b");
  /** Words of a present, severe emergency: a mild word or a routine request beside them does not calm anything. */
  private static final Pattern URGENT = Pattern.compile("\\b(can not|cannot|unable|severe|severely|suddenly|sudden"
      + "|right now|help|999|ambulance|getting worse|worse|will not|not breathing|unconscious|collapsed|agony|blue"
      + "|emergency|really bad|very bad|so bad|worst)\\b");
  private static final Pattern NOW = Pattern.compile("\\b(now|just|is having|are having|is not|has not|will not"
      + "|can not|is (going|turning|being|getting)|has (gone|been|taken|swallowed|drunk|eaten|collapsed|fallen|cut)"
      + "|keeps|getting worse|and now|but now|still|and is|and has|is still|in a row|coming round|right now"
      + "|(is|are) \\w+ing|(has|have) (just )?\\w+(ed|en))\\b");

  private static final Pattern BUT_STILL = Pattern.compile("\\bbut\\b.{0,40}\\b(not|still|can not|cannot|will not"
      + "|worse|will|going to|gonna|tonight)\\b");
  private static final Pattern PAST = Pattern.compile("\\b(years? ago|yrs? ago|months ago|weeks ago|(?<!(same as|like) )last (year|month|week"
      + "|term|summer|winter|spring|autumn|christmas|time)|in (19|20)\\d\\d|since (19|20)\\d\\d"
      + "|as an? (child|kid|baby|teenager|toddler|teen)|when (i|he|she|we|they) (was|were) (young|little|small|a|an"
      + "|toddler|baby|child|kid|kids|children|teenager|teenagers|teen|teens"
      + "|at|in|\\d+|two|three|four|five|first)|used to"
      // "Back in" a time, not a hernia that "won't go back in".
      + "|(?<!\\b(?:go|goes|going|gone|went|push|pushed|pushing|put|putting|pop|popped) )back in|history of|in my (teens|twenties|thirties|forties"
      + "|youth)|a long time ago|long ago|years back|few years back|in the past|in the (eighties|nineties)"
      + "|first diagnosed|when i was first|previously|previous|once (as|when|in|before|years)"
      + "|at age \\d+|none for|(was|were) (in )?(19|20)\\d\\d(?![\\d.:/])|in the ((19|20)\\d0s|fifties|sixties|seventies)|in (his|her|their|my) (twenties|thirties|forties|fifties|sixties|seventies|eighties|[1-9]0s)|(?<!at )once(?= *$|,|\\.)|for (\\d+|a few|few|many|two|three|four|five|ten|twenty) years|for years)\\b");
  private static final Pattern RESOLVED = Pattern.compile("\\b((fine|ok|okay|alright|all right|better|normal|good"
      + "|safe) now|back to normal|(it|they|that|this) (is |are |has |have )?((stopped|settled|cleared|eased"
      + "|passed|faded)\\b(?! on)"
      // "It went" or "it's gone" ends it only said alone or with an ending: "it went dark", "it's gone hard" are news.
      + "|(gone|went)(?= *$| *[,.;!?]| (away|down|off|now|completely|altogether|by|after|overnight|within|in \\w+ (seconds|minutes|mins|hours)|on its own|by itself|when|once|fine|well|ok|okay|in the end|right down|back down)\\b))|has gone (away|now)|(?<!(breathing|heart) )(has|have|had|is|was) (now )?(settled|cleared|eased|faded|improved|resolved"
      + "|calmed down|gone away|stopped)|(faded|eased|settled|went down|cleared|calmed) (when|after|overnight"
      + "|with|by|once|since)|(i am|it is|feel) (fine"
      + "|ok|okay)(?! (this|earlier|an hour|yesterday|until|till|before))|went away|gone away|stopped (after|with|on its own|by itself|the same)|(then|and) (it|they) stopped"
      + "|came back (up|down|to normal)"
      + "|it passed|that passed|passed (after|off)|cleared up|eased off|wore off|sorted (it|with)|recovered"
      + "|all clear|(tests?|scan|ecg) (was|were|came back) (clear|normal|fine)"
      + "|was nothing|turned out|resolved|has not happened again|none since|not since|seizure free"
      // "She's been fine since", "been well since": what happened is over.
      + "|been (fine|ok|okay|alright|all right|well|good|normal) (ever )?since)\\b");
  private static final Pattern HYPOTHETICAL = Pattern.compile("(^|[,;] )(if|what if)\\b|\\b(what|how) (should|do|would"
      + "|to|can|will) .{0,14}\\bif\\b|\\b(what if|in case|just in case|what (are|is) the"
      + " (signs?|symptoms?|warning|difference)|(signs|symptoms|warning signs) of|how (do|would|can|should|will)"
      + " (i|you|we|they|someone|one) (know|tell|recognise|recognize|spot)|what happens (if|when)|is it possible (that|for|to (get|have|die|overdose))|risk of|at risk|chance of|one day (i|he|she|we|they|you)|some day|in the future|how much .{0,30}too"
      + " (much|many)|how long should|difference between|should i carry"
      + "|(worried|worry|worrying|scared|afraid|anxious|fear|frightened|terrified)\\b.{0,40}\\b(will|would|might"
      + "|could|ever|one day|again)|(worried|scared|afraid|frightened) (about|of) (having|getting|another)"
      + "|(a |the )?signs? of|what counts as|count as|fear is|biggest fear|my fear"
      + "|can (you|a|an|someone) (get"
      + "|have|die|overdose)|would (a|an|that)|does (a|an) |if (you|your"
      + "|someone|anyone|a person|people)\\b|how would|i wonder|hypothetically|supposing|suppose"
      // A wish or a plan about it, not an event: "fewer hypos at work", "to cut down on my tablets"; but taking
      // tablets "to avoid being a burden" is the overdose, not a wish (a review, 2026-12-07).
      + "|fewer|reduce|reducing|cut down|cutting down|(?<!(tablets|pills|them|it) to )avoid|avoiding|prevent|preventing|stop getting|stop having"
      // A condition on a change to come: "a seizure while driving if I come off the tablets".
      + "|if (i|we|he|she|they) (\\w+ )?(come|stop|reduce|change|go|get|try|forget|miss|drop|lower|cut)\\b)");
  /**
   * A patient's question about what is in front of them ("is it normal", "is it a stroke", "should I get…"): a
   * hypothetical when asked of a symptom in general, not when it asks about a state going on now ({@link
   * #PRESENT_STATE}). A fifth session's reading of the reviews (2026-12-07): "Is it a stroke his face looks
   * droopy", "is it normal for a baby to be breathing this fast and grunting and his lips are a bit blue".
   */
  private static final Pattern QUESTION_FRAME = Pattern.compile("\\b(is it (a|an) (sign|stroke|heart attack)"
      + "|is (that|it|this) (bad|ok|okay|safe|dangerous|normal|serious)|could (it|this|that|these|my \\w+) be"
      + "|is .{0,30} normal|is .{0,30} dangerous|should i get|would it be)\\b");
  /**
   * Whether what was told is normal: asked of the whole clause ("my poo is black, is this normal?"). A question
   * whether it is a stroke or a heart attack is a worry about one and is read by stretch.
   */
  private static final Pattern NORMAL_QUESTION = Pattern.compile("\\b(is (this|that|it) normal|is .{0,30} normal"
      + "|normal to)\\b");

  /** A question about a symptom in general, with nothing going on and no state told as now. */
  private static boolean askedAboutIt(String clause) {
    return QUESTION_FRAME.matcher(clause).find() && !PRESENT_STATE.matcher(clause).find() && !GOING_ON.matcher(clause).find()
        && !URGENT.matcher(clause).find();
  }

  /**
   * A state going on now, told plainly ("his face looks droopy", "her ribs are sucking in", "my 2 year old swallowed a
   * button battery"), beside which a question is about now.
   */
  private static final Pattern PRESENT_STATE = Pattern.compile("\\b((is|are|am|looks?|feels?|has gone|have gone|going"
      + "|turning|went|gone|has become|became) (still |now |very |really |so |a bit |quite |also )?(blue|grey|gray|floppy|limp|droopy|drooping"
      + "|mottled|purple|unconscious|unresponsive|swelling|swollen|lopsided|slurred|slurring)"
      + "|(is|are|am) (also |still |now )?(sucking|grunting|fitting|seizing|choking|bleeding|drooping|slurring"
      + "|jerking|shaking|vomiting|wheezing|gasping|swelling|pouring)"
      // Someone who swallowed something: "is it dangerous my 2 year old swallowed a button battery".
      + "|(swallowed|ate|eaten|drank|drunk|took|taken|got into|chewed)"
      + "|ambulance|999|right now|just now|(\\d+|a few|few|ten"
      + "|twenty|thirty) (min|mins|minutes) ago|an hour ago)\\b");
  private static final Pattern REPORTED = Pattern.compile("\\b(i read|awareness (week|day|month|campaign|talk|training|course|session|event)|(suicide|stroke|sepsis|meningitis|heart|allergy|epilepsy|diabetes|mental health|cancer) awareness|(had|attended|went to|gave|giving|there was) an? (\\w+ )?talk (\\w+ ){0,3}about|i have read|reading about|been reading|printed"
      + "|page about|information about|info on|booklet|learned|learnt|learning about|i saw (a|an|on|the"
      + " (news|programme|post|video|article|telly|tv)|that(?! (his|her|he|she|my|their|they|mum|dad|the baby))|it|something|somewhere|online)|seen (a|an|on)|watched"
      + "|watching (a|the|this|that) (film|programme|program|video|show|documentary|series)|documentary|article|leaflet|online|internet|website|tiktok|tik tok|facebook|instagram|youtube"
      + "|twitter|reddit|mumsnet|forum|programme|podcast|blog|the news|on the radio|on telly|on tv|heard (that|about)"
      + "|told me about|is it true|film|movie|a book|(?<!(of|golf|race|obstacle) )course(?! of)|poster|newsletter|taught|project on|researching (it|this|the topic|for)|because i am a (teacher|nurse|carer|student|first aider)"
      + "|a post|magazine|talking about|talked about|letter about|sent me (a|an|the|some) (link|article|video|post|leaflet|page)|(saw|seen|watched|heard|found|looked up"
      + "|googled|searched|listened to) (about|on|that(?! (his|her|he|she|my|their|they|mum|dad|the baby))|a|an|some|it|this)|according to|apparently|they say|people say"
      + "|(cpr|first aid) (training|class|course|lesson|refresher|certificate"
      + "|badge)|learning (to give|cpr)|practis\\w+ (cpr|chest compressions)|(compressions|cpr) practice|scouts|cadets"
      // Seen in an old photo, not a picture sent now ("texted me a picture of empty pill packets", a review).
      + "|brownies|guides|dummy|mannequin|in (the|a|my|his|her|their) (\\w+ )?(photos?|pictures?)|on (a|the) video call"
      + "|someone said|said that|news|(tv|telly|netflix|last|latest|new) (episode|series)|(episode|series) (of|about|on)"
      + "|soap|drama|character|novel|study|research|journal|survey|video (on|about|of)|clip|reel|thread|whatsapp|influencer|celebrity|advert|campaign|charity|first aid|lecture"
      + "|essay|assignment|google"
      // Media in the plural only as what they are about: "articles about sepsis" (a review, ninth session: "scrolling
      // reels when my husband suddenly slurred", "posts on her phone saying goodbye" are emergencies).
      + "|(articles|leaflets|posts|videos|documentaries|programmes|podcasts|blogs|websites|forums|newsletters|magazines) about|in the paper|on the telly|on the radio|a show)\\b");
  private static final Pattern IDIOM = Pattern.compile("\\b(dying (to|for)|could (murder|kill for)|kill for"
      + "|death of me|(bored|scared|worried|sick|tired|freezing|frozen) to death|died laughing|die of embarrassment|heart attack when|(give|giving|gives|gave) me a"
      + " (heart attack|stroke)|early grave|heart (is |was )?broken|broken heart|heartbroken|heart sank|heart skipped"
      + "|my heart (\\w+ )?(stopped|missed a beat)"
      + "|choked on my|phone is dead|allergic to (mondays|work|exercise|housework)|bleeding money"
      + "|drowning in|suffocating in|sweating bullets|shaking like a leaf|turned to jelly|overdose of (information|sugar|tv|work|emails|caffeine)"
      + "|legs (are|were) dead|(car|phone) battery|battery is (dead|flat)|brain is bleeding|head is exploding with|end of me|kill yourself laughing"
      + "|i died when|suspense|bleeding heart|nerves are shot|starving to death"
      + "|(going to|will|gonna) kill (my (husband|wife|partner|mum|mam|dad|boss|kids|son|daughter|brother|sister)|him\\b(?!self)|her\\b(?!self))"
      + "|(nearly|almost|practically|virtually) (died|had a heart attack|killed|had a stroke)"
      + "|figuratively|metaphor|boredom|embarrass|cringe|literally dying"
      // Declining a question is not being unresponsive: "I'd rather not answer that".
      + "|(rather|prefer|like) not (to )?answer(ing)?|not answering (that|this|those|these|the question)"
      // Other senses of the same words: a fitting of a coil or a hearing aid; a request about how to be spoken to.
      + "|(coil|implant|aid|lens|pessary) fitting|fitting (appointment|for)"
      // The fitting as a thing booked or attended: "a female nurse please for the fitting".
      + "|(for|at|book|booked|booking) (the|a|my|her|his|your) fitting"
      + "|(please|can you|could you|would you|ask (the )?(doctor|gp) to) (\\w+ )?(speak|talk) (more )?(slowly|slower|slow|simply"
      + "|clearly|loudly|louder|up)"
      + "|(feel|felt|feeling) like (i have been |i had been |i was )?hit by a bus"
      + "|(heat|weather|traffic|office|room|house|crowd)\\b.{0,20}\\bsuffocating|gasping for a (fag|cigarette"
      + "|smoke|drink|cuppa|brew|tea|coffee|pint)|fit to burst|(would|will|it would|it will) kill me to"
      + "|(nearly|almost) gave me a|choking me up|(feel|felt|get|got|getting) (all )?choked up|(cooking|food|coffee|job|place|work) is (poison|toxic))\\b");
  /**
   * Weaker cues, each with its reason, read only after a concept's words (never for the encoder, whose
   * find has no anchor), never for suicide or overdose, and only where nothing in the clause is urgent
   * or going on now ({@link #ACUTE}). A review found each wider form cancelling real emergencies: "they
   * discharged him yesterday, his face is drooping", "she is ok one min next min she is fitting".
   * SETTLED must also not come before the mention, and nothing new may follow it: "chest pain on Friday,
   * they discharged me"; "the wasp sting swelling went down in two days".
   */
  private static final Pattern SETTLED = Pattern.compile("\\b(discharged|(let|sent) (me|him|her|them|us) (go )?home"
      + "|ruled (it )?out|passed (it|the stone)|(is|are|was) back to normal|(is|are) (calmer|safer|stable|settled) now"
      + "|(was|were|is|are) (checked|seen|monitored)\\b.{0,40}\\b(fine|ok|okay|normal|home)"
      + "|(said|says) (it|everything|all|his \\w+|her \\w+|my \\w+) (\\w+ )?(was |is |were |are )?(fine|ok|okay|normal)"
      + "|(swelling|pain|rash|bleeding|numbness|tingling) (is|are|has|have) (now |all )?gone(?= *$| away| completely|,|\\.)"
      // Said of a swelling, never of a person ("mum has gone down in the shop") or of a sugar.
      + "|(swelling|rash|lump) (has |have |had )?(went|gone|come|came) down (in|after|within|by|overnight|with))\\b");
  private static final Pattern ASKS_ABOUT_A_RISK = Pattern.compile("\\b((can|could|does|do|will|would|might)"
      + " (\\w+ ){0,3}(cause|lead to|trigger|bring on)|(can|could) (\\w+ ){0,2}die (from|of)"
      + "|how (quickly|fast|soon) (does|do|can) (a|an|the)? ?(\\w+ )?(develop|spread|come on|happen|get dangerous)"
      + "|could (i|he|she|they|we|my \\w+) (have|get|develop) (a|an) (\\w+ )?(reaction|allergy) to|risks? (with|of|factors?))\\b");
  private static final Pattern TOLD_ABOUT = Pattern.compile("\\b(articles|explained|read (about|up on))\\b");
  /**
   * Something happening again or going on beside a past or settled one: "I had a stroke years ago, my face
   * has dropped again"; "she had a fit, came round, then had another fit"; "she's been fitting 7 mins".
   */
  private static final Pattern GOING_ON = Pattern.compile("\\b((?<!\\b(?:not|never) )(has|have|had|is|are|am|was|\\w+ed) (\\w+ )?again"
      + "|(then|now|just) (had|having|has) another|another (one|fit|seizure|attack|stroke|episode) (now|just|today)"
      + "|(is|are|am|has|have) still|still (has|have|got|is|are|not|can|going|bleeding|fitting|swelling)"
      + "|been (fitting|seizing|bleeding|vomiting|choking|unconscious)|keeps? (talking|saying|trying|fitting|passing)"
      + "|(has|have) (just )?(dropped|collapsed|stopped breathing|took|taken|swallowed|drunk|drank|injected)"
      + "|(has|have) (got )?(crushing|severe|terrible|awful|sudden)"
      + "|(has|have|is|are) (just |now )?(gone|turned|going|turning) (blue|grey|gray|purple|floppy|limp|white|pale|cold)"
      + "|(is|are|am) (still |now )?(crushing|closing|swelling|not breathing|not responding|unconscious|unresponsive"
      + "|floppy|blue|grey|fitting|seizing|bleeding|choking|drooping|collapsed)"
      // Present states and inabilities said plainly: "face droopy and slurring", "lips going blue", "can not wake him".
      + "|(is|are|am) (\\w+ )?(droopy|slurring|slurred|mottled|gasping|jerking|sweating|grey|gray|blue)"
      // Not "(it) would not stop" told of last week: the past tense of an inability is past.
      + "|(going|turning) (blue|grey|gray|purple)|(?<!(would|did|could|had) )(can not|cannot|cant|will not|wont|not)"
      + " (breathe|wake|speak|talk|lift"
      + "|swallow|get (his|her|my|the)? ?words|stop|respond|come round)|not (breathing|responding|waking|coming round)"
      + "|spreading|sweating|worst (headache|pain|ever)|thunderclap"
      // Said of now in everyday words (a third review, 2026-12-07): "he has not woken up", "we could not wake
      // her", "struggles to breathe", "lips look bluish", "blood pouring".
      + "|(has|have|had) not (woken|come round|come to)|(could not|can not) wake"
      + "|(struggles?|struggling|fighting|gasping) (to breathe|for (breath|air))"
      + "|lips (\\w+ )?(blue|bluish|grey|gray|purple)|(blood|it) (is )?(pouring|spurting|gushing|pumping)"
      // The old event's symptoms back: "a heart attack 2 years ago and now the same pain".
      + "|(now|again|today|tonight) (\\w+ )?(the )?same (pain|thing|symptoms?|feeling)"
      + "|same (pain|symptoms?|feeling|thing) (again|now|today|as (then|before|last time))"
      // What stopped is the heart or the breathing, not the trouble (a fifth session, 2026-12-07): "his heart has
      // stopped", "my baby's breathing has stopped"; someone giving CPR; a fit going on; a hand to the chest.
      + "|(his|her|their|its|the) heart (has|is) (just )?(stopped|not beating)|breathing has (just )?stopped(?! (\\w+ing|being))"
      + "|(^|[,;] |(am|is|are) (\\w+ )?)having an? (\\w+ )?(attack|fit|seizure|stroke|reaction)(?! (while|if|when|during|at|in))|(doing|giving) (cpr|compressions|chest compressions)(?! (training|practice|class|course|lessons?|on a))|been (convulsing|shaking and jerking|jerking and shaking)"
      + "|(jerking|shaking|convulsing|fitting) (for|non stop|and will not|and not)"
      + "|(clutching|gripping|grabbing) (his|her|their) (chest|throat)"
      // The story turns back to now: "this is different", "not like my usual", "another one just now".
      + "|this (time )?(is|feels|seems|one is|one feels) (different|worse)|(not|nothing) like (usual|normal|before|last time"
      + "|my usual|it usually)|another (\\w+ )?(just now|now|today|tonight)"
      // Afraid of what one will do is the danger now, not a worry about the future: "scared of what I'll do".
      + "|(scared|afraid|frightened|terrified|worried) (of )?what (i|he|she|they) (will|would|might|could|am going to|is going to) do"
      + "(?= *$| *[,.;!?]| (to (myself|himself|herself|themselves)|now|tonight|right now|rn|next)\\b)"
      + "|(?<!\\b(?:not|never) )(started|starting|kicked off) again|(has|have|then|and) (just )?restarted)\\b");
  /** The writer took it: no news or film beside it makes that a story ("got some bad news today and took all my pills"). */
  private static final Pattern I_TOOK = Pattern.compile("\\b(i (have )?(just )?(took|taken|swallowed|downed|necked|had)"
      + "|(and|then|so) (just )?(took|swallowed|downed|necked))\\b");
  /** Where someone was when it happened, not something watched about it: "my nan was watching telly and…". */
  private static final Pattern WATCHING_TV = Pattern.compile("\\b((was|were|is|are) watching (the )?(telly|tv|television)"
      + "|(was|were) watching (the |a )?(film|movie|match|football|programme|show) (\\w+ )?when (my|his|her|he|she|they"
      + "|mum|dad|nan|grandad))\\b");
  /** Anything after a settled event that says something is happening again or still. */
  private static final Pattern AGAIN = Pattern.compile("\\b(now|still|again|worse|since|started|starting|back|but"
      + "|except|then|another|keeps?|is \\w+ing|are \\w+ing|has got)\\b");
  /** Words of something going on in the clause, beside which no weaker cue calms anything. */
  private static final Pattern ACUTE = Pattern.compile("\\b((is|are|am|keeps?) (still |now |just )?\\w+ing"
      + "|(has|have|is|are) (just |now )?(gone|got|taken|dropped|stopped|turned|collapsed|fallen|swallowed|drunk|eaten)"
      + "|(is|are|am|looks?|feels?) (still |now |very |really |so )?(blue|grey|gray|floppy|limp|numb|weak|droopy|swollen"
      + "|unconscious|unresponsive|confused|drowsy|cold|clammy|pale|sweaty|tight|mottled|purple)"
      + "|still|crushing|swelling|swollen|drooping|droopy|dropping|dropped|fitting|seizing|floppy|purple|blue|grey"
      + "|not breathing|not responding|can not|cannot|will not|hurts|hurting|coughed up|coughing up|vomiting|being sick"
      + "|again|another|one min|next min|ambulance|999|a&e now)\\b");

  /** "Fit" as health, not a seizure: a fit note, keep fit, fit and well. */
  private static final Pattern FIT_AS_HEALTH = Pattern.compile("\\b(fit note|fit for work|fit to (work|drive|fly)|keep fit"
      + "|get fit|fit and well)\\b");
  /** The writer's tone. "Not joking" says the opposite and is no tone at all. */
  private static final Pattern TONE = Pattern.compile("\\b(?<!not |no )(lol|lmao|haha\\w*|joke|joking|having a laugh"
      + "|meltdown)\\b");

  /**
   * Tablets taken as they are meant to be: a habit, a time of day, a course (a fifth session, 2026-12-07: "I take all
   * my tablets in the morning" and "I took all my antibiotics as prescribed" raised an overdose).
   */
  private static final Pattern TAKEN_AS_MEANT = Pattern.compile("\\b(as (prescribed|directed|instructed|advised|told"
      + "|recommended|usual|normal)|(whole|full|entire) course|course of|every (day|morning|night|evening|week)"
      + "|each (day|morning|night|evening)|(a|per|twice a|three times a|once a) (day|week)|daily|weekly|in the"
      + " (morning|mornings|evening|evenings)|at (night|bedtime)|with (food|breakfast|meals|my breakfast|dinner|water)"
      + "|before (bed|meals|breakfast)|after (meals|food|breakfast)|on time|different (tablets|pills|medicines|meds)"
      + "|dosette|pill organiser|blister pack"
      // A habit said in the present: "my daughter takes the pill", "I take them with my tea".
      + "|(i|he|she|they|we|you|mum|dad|my \\w+) (usually |always |normally |still |just )?(take|takes|has to take"
      + "|have to take)\\b)\\b");
  /** A reason, a mistake or a state after it, which make tablets taken an overdose however they are usually taken. */
  private static final String OVERDOSE_REASON = "on purpose|deliberately|to (die|end|sleep)|end it|kill\\w*|suicid\\w*"
      + "|overdos\\w*|too (many|much)|extra|double|doubled|by mistake|by accident|accidentally|drowsy|sleepy"
      + "|can not (wake|keep)|unconscious|not waking|wanted to|want to|sick of|fed up|goodbye|wrong";
  /** What makes tablets taken an overdose whatever the habit: a reason, an amount, a mistake, a state after. */
  private static final Pattern OVERDOSE_MEANT = Pattern.compile("\\b(" + OVERDOSE_REASON + "|to (stop|make)|at once"
      + "|in one go|all together|mistake|tonight|so (i|that)|because|peace|forever"
      + "|someone else|not (mine|his|hers|theirs)|all of (them|it)|the lot|whole (packet|box|bottle|week|month|supply)"
      // A count or a time that makes it an event: "I take my lithium daily and today I took 30 of them" (a review).
      + "|(took|taken|take|takes|swallowed|swallow|had|downed|necked|injected|inject|drank|drunk) (\\w+ )?(1\\d|[2-9]\\d"
      + "|\\d{3,}|ten|twenty|thirty|forty|fifty|sixty|hundred)\\b(?! (\\w+ )?(a|per|each|every) (day|week|morning|night))"
      + "|(\\d+|ten|twenty|thirty) (of|from) (them|it|my|his|her|the)|(weeks?|months?|days?) (worth|of them|of it)"
      + "|at one time|(full|new|whole) (bottle|pen|vial|syringe)|most of (his|her|the|a|my)|half (a|the) bottle"
      + "|just now|an hour ago|ago)\\b");

  /** Blood as a measure, not a loss: "a lot of liquorice raises blood pressure" (a fifth session, 2026-12-07). */
  private static final Pattern BLOOD_AS_A_MEASURE = Pattern.compile("\\bblood (pressure|tests?|sugars?|results?|counts?"
      + "|works?|glucose|donor|donation|type|group|levels?|forms?|bottles?|cells)\\b");
  private static final Pattern BLEEDING = Pattern.compile("\\b(bleed\\w*|bled|pour\\w*|gush\\w*|spurt\\w*|soak\\w*"
      + "|clots?|everywhere|cough\\w* up|vomit\\w*|throw\\w* up|losing blood|lost blood|blood (in|on|from|all|coming"
      + "|keeps|is|was|everywhere))\\b");

  /**
   * Tablets that are hard to swallow, not a throat closing: "it's getting hard to swallow so many big tablets".
   * Only where no sign of a reaction is beside it ({@link #REACTION_SIGNS}).
   */
  private static final Pattern SWALLOWING_TABLETS = Pattern.compile("\\b(swallow\\w* (\\w+ ){0,3}(tablets?|pills?"
      + "|capsules?)|(tablets?|pills?|capsules?)\\b.{0,40}\\bswallow\\w* (them|it))\\b");
  private static final Pattern REACTION_SIGNS = Pattern.compile("\\b(throat|tongue|lips?|mouth|face|swell\\w*|swollen"
      + "|rash|hives|wheez\\w*|breath\\w*|itch\\w*|dizzy|faint|closing|tight|after (taking|the first|starting)|drool\\w*"
      + "|hoarse|croak\\w*|voice|pale|clammy|drowsy|epi ?pen|adrenaline|sting|stung|nuts?|peanuts?|allerg\\w*|reaction"
      + "|stridor|noisy|antihistamines?)\\b");

  private static final Pattern WEEKLY_DOSE = Pattern.compile("\\b(once a week|weekly|a weeks? dose|one weeks? dose"
      + "|on (sundays|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays)|(like|as) (the )?(hospital|doctor|gp"
      + "|pharmacist|consultant|nurse) (said|told|says|advised))\\b");
  /** What makes a weekly dose taken at once an overdose: a reason or a state after it, or taking it daily. */
  private static final Pattern OVERDOSE_INTENDED = Pattern.compile("\\b(" + OVERDOSE_REASON
      + "|every day|daily|whole (packet|box|bottle))\\b");

  /** "X is killing me" is an idiom for a form or the traffic, but a pain for a chest or a head. */
  private static final Pattern KILLING_ME = Pattern.compile("\\b(killing me|nearly killed me|killed me)\\b");
  private static final Pattern CORE_BODY = Pattern.compile("\\b(chest|head|stomach|belly|abdomen|heart|throat|testicles?"
      + "|balls|groin|side|tummy)\\b");
  private static final Pattern MILD = Pattern.compile("\\b(a bit(?! (ago|earlier|back|before))|a little(?! (while|bit) ago)|a tiny bit|slight|slightly|mild|mildly"
      + "|snore|snores|snoring|in (my|his|her) sleep at night"
      + "|small|tiny|now and then|on and off|sometimes|occasionally|the odd|every now|a touch|i get|i tend to"
      + "|when i have a cold|in the (winter|heat|cold)|going up (hills|stairs)|after (eating|football|the gym"
      + "|exercise|spicy)|usually|normally|always|every (day|morning|night|week|time)|most days|mild|minor"
      // Recurring over time is a matter for the GP, not 999 (an acute "now" overrides this, and never for suicide etc.).
      + "|keep getting|keep having|keeps? coming back|again and again|over and over"
      // A habit or a change over weeks, not an event: "burns after big meals", "more often", "been like this for months".
      + "|after (big |large |heavy |spicy |fatty )?meals|more often"
      + "|(been like this|had this|going on) for (months|weeks|years))\\b");
  /**
   * How far the writer's own arm goes up: "my arm above my head", "past shoulder height". Someone else's arm that
   * "won't go past shoulder height" is told because it is new (a review, 2026-12-07).
   */
  private static final Pattern RANGE_OF_MOVEMENT = Pattern.compile("\\bmy (left |right )?arms? (up )?(above|over"
      + "|higher than|past) ((my|the) )?(head|shoulders?|shoulder (height|level))\\b");
  /**
   * Anything beside the arm that is not a shoulder's matter: a sign of a stroke, pain spreading, a fall, a change
   * of mind or sight (a review, 2026-12-07: "muddled", "dribbling", "dead weight", "pain round to my back").
   */
  private static final Pattern STROKE_BESIDE = Pattern.compile("\\b(face|mouth|smile|speech|speak|talk|words|slur\\w*"
      + "|droop\\w*|dropped|numb|tingl\\w*|weak|weakness|suddenly|sudden|collapsed|collapse|muddled|confused|dribbl\\w*"
      + "|dead|heavy|leaning|lean|vision|see|sight|dizzy|fell|fallen|fall|floor|pain|ache|aching|chest|jaw|breath\\w*"
      + "|sick|sweat\\w*|clammy|grey|gray|headache|worst|balance|walk|stand|leg|legs|side|eye|eyes|swallow\\w*"
      + "|hand|hands|claw|grip|fingers"
      + "|tonight|today|now|just|morning|minutes?|mins?|hours?)\\b");

  /** A fear of ending up like someone, not a wish ("I just want to end up like my sister, at peace"). */
  private static final Pattern END_UP_LIKE = Pattern.compile("\\b(?<!(want|wish|rather|like|love|going) )(will|might|could"
      + "|scared i will|afraid i will|worried i will) end up (just )?like\\b");
  /** Means, a plan or a time, beside which a fear is not only a fear. */
  private static final Pattern MEANS_OR_PLAN = Pattern.compile("\\b(tablets?|pills?|meds|medicines?|medication|overdose|rope|hang"
      + "\\w*|bridge|jump\\w*|knife|blade|cut\\w*|gun|train|car|exhaust|hose|note|letters?|goodbye|plan\\w*|ready|tonight"
      + "|today|now|soon|this (week|weekend)|kill\\w*|die|dying|dead|end it|end my|suicid\\w*|alive|over|done|finish\\w*"
      + "|taken|took|swallow\\w*|lined up|saved up|stockpil\\w*|razor\\w*|blades?|peace|right here|gone|rest|sleep"
      + "|want to|wish)\\b");

  /** A request about care, not an event: "a repeat prescription for my GTN spray". */
  private static final Pattern ROUTINE = Pattern.compile("\\b(prescription|repeat|review|refill|renew|referral"
      + "|check up|checkup|check-up|results?|test strips|supply|run out|running out|ran out|order|collect|annual"
      + "|booking|book (a|an|in)|appointment|care plan|fit note|sick note|the phone|phones|my calls|emails"
      + "|letter (for|from|about)|dvla|follow[- ]?up|discharge summary"
      + "|(pip|benefits?|insurance|travel) forms?|written plan|jabs?|vaccines?|vaccinations?|immuni[sz]ations?|boosters?"
      // The vaccines named after the disease: "meningitis B", "meningitis ACWY".
      + "|meningitis (b|c|acwy|w))\\b");
  /** Categories whose words may sit beside an appointment or a prescription and still be meant now. */
  private static final Set<String> NEVER_ROUTINE = Set.of("suicide", "overdose", "encoder-suicide", "encoder-overdose");
  /** Small amounts still matter for these: a child who drank "a bit of" bleach is an emergency. */
  private static final Set<String> NEVER_MILD = Set.of("overdose", "suicide", "anaphylaxis", "seizure", "sepsis",
      "collapse", "encoder-suicide", "encoder-overdose");
  private static final Pattern OTHER = Pattern.compile("\\b((my|his|her|our|their|a|your) (\\w+ )?(dad|father|mum"
      + "|mother|mom|mam|nan|nana|nanna|granny|grandma|grandmother|grandad|grandfather|gran|grandpa|sister|brother|friend|uncle|aunt|auntie|cousin|neighbour|husband"
      + "|wife|partner|son|daughter|child|baby|kid|boy|girl|colleague|boss|mate|nephew|niece|grandson|granddaughter"
      + "|family|in-law|fiance|boyfriend|girlfriend|teacher|dog|cat)|he|she|they|someone|runs in the family"
      + "|family history)\\b");
  // Not a bare "was": "my nan was sitting and her mouth went droopy" is told in the past while it happens.
  private static final Pattern OTHER_PAST = Pattern.compile("\\b(had(?! (his|her|their|a|the|some) (tea|dinner|lunch|breakfast"
      + "|supper|bath|shower|nap|sleep|snooze|walk|drink|coffee|cuppa|cup|meal|bite|sandwich|glass|beer|wine|pint|game|swim"
      + "|run|rest|lie))|died|used to|has had|have had|runs in"
      + "|passed away|got diagnosed|was diagnosed|survived|recovered|history|went through|suffered|ended up"
      + "|was rushed|was taken|was admitted|spent(?! (the|this) (morning|afternoon|day|evening|night))|got over|growing up|when (he|she|they) was|when (he|she|they) were)\\b");

  /**
   * "It doesn't feel like a heart attack" denies; "I don't think that's normal, he's not breathing" worries, and
   * nothing beside something going on is denied (a fourth review, 2026-12-07, found both cancelled).
   */
  private static boolean feelsNot(String clause) {
    return FEEL_NOT.matcher(clause).find() && !NOT_NORMAL.matcher(clause).find() && !GOING_ON.matcher(clause).find();
  }

  private static final Pattern NOT_NORMAL = Pattern.compile("\\b(do|does) not (think|feel|seem|look) (like )?"
      + "(that|this|it) is (a |an )?(\\w+ )?(normal|right|ok|okay)\\b");

  /**
   * A time that makes someone else's event recent, not their history: "my dad had a stroke this morning" ("now"
   * and "just" are {@link #NOW}'s, read beside it).
   */
  private static final Pattern RECENT = Pattern.compile("\\b(this (morning|afternoon|evening)|today|tonight"
      + "|last night|earlier|since|(an|one|two|three|a few|few|\\d+) (hour|hours|min|mins|minute"
      + "|minutes|secs|seconds) ago|a (bit|little while|short while|moment|minute|second|few minutes) ago"
      + "|in the (last|past) (hour|half hour|few hours|few minutes|(\\d+|two|three|ten|twenty|thirty) (hours|minutes|mins))"
      // Arriving with it: "came in from the garden with crushing chest pain", "came out of the shower grey".
      + "|(came|come|comes) (in|home|back|out|down|downstairs|upstairs|round|over) (from (a |the )?\\w+ )?(with|and|grey|gray"
      + "|pale|blue|white|clutching|holding|wheezing|coughing|bleeding|crying|screaming|shaking|looking|covered|unable"
      + "|slurring|confused|sweating|clammy))\\b");
  /** Someone too young to have a history: "my baby had a fit" is now. */
  private static final Pattern BABY = Pattern.compile("\\b(baby|newborn|new born|infant|toddler)\\b");

  private Guards() {}

  /** Why the concept match does not stand in this clause, or null when it does. */
  static Reason check(String clause, List<Words.Word> words, Concepts.Match m) {
    if (someoneElsesLostSight(clause, words, m)) return Reason.OTHER_PAST;
    int start = Words.startOffset(clause, m.start());
    // "It doesn't feel like" denies only in its own stretch: "It doesn't feel like indigestion, my chest is heavy".
    if (negated(clause, words, m) || feelsNot(start >= 0 ? segment(clause, start) : clause)) return Reason.NEGATED;
    String guarded = withoutWritersHedges(clause);
    // Said of the whole clause, whichever stretch it stands in: blood as a measure ("a lot of liquorice raises blood
    // pressure"), and a patient's question whether what they told is normal ("my poo is black, is this normal?"; not
    // of an overdose, a plan, a fit or a collapse, where it is read by stretch as before).
    if (m.category().equals("bleeding") && BLOOD_AS_A_MEASURE.matcher(clause).find() && !BLEEDING.matcher(clause).find()) {
      return Reason.ROUTINE;
    }
    if (!NEVER_MILD.contains(m.category()) && NORMAL_QUESTION.matcher(guarded).find() && askedAboutIt(guarded)) {
      return Reason.HYPOTHETICAL;
    }
    Reason r = clauseReason(guarded, m.category(), start);
    if (r != null && BY_SEGMENT.contains(r) && start >= 0 && standsInItsSegment(guarded, m, start)) return null;
    if (r != null && start >= 0 && standsAfterATurn(guarded, m.category(), start)) return null;
    if (r == null && start >= 0) return datedInItsStretch(guarded, m, start);
    return r;
  }

  /**
   * A mention told wholly inside a stretch that dates it, reports it or supposes it, while a "now" word sits in another
   * stretch: "I had a stroke in 2015 but today I want to talk about my knee" (a fifth session, 2026-12-07). A time word
   * dates its own event, not every event of the clause. Not when anything is going on ("…, today the same pain"), nor
   * for a mention that runs on into the next stretch ("chest pain for years but today it is crushing").
   */
  private static Reason datedInItsStretch(String clause, Concepts.Match m, int start) {
    if (GOING_ON.matcher(clause).find()) return null;
    int[] span = span(clause, start);
    int end = Words.startOffset(clause, m.end());
    if (end < 0 || end >= span[1] || span[1] - span[0] == clause.length()) return null;
    String stretch = clause.substring(span[0], span[1]);
    Reason own = clauseReason(stretch, m.category(), start - span[0]);
    return own != null && DATED.contains(own) ? own : null;
  }

  private static final Set<Reason> DATED = java.util.EnumSet.of(Reason.PAST, Reason.OTHER_PAST, Reason.REPORTED,
      Reason.HYPOTHETICAL);

  /**
   * A turn of the story: what is said before it is not said of what comes after. "Mum usually naps after lunch
   * but she woke with her face dropped"; "my partner is normally fit and well but he's just come in with chest
   * pain going into his jaw" (a fifth session, 2026-12-07, from the fourth and fifth reviews).
   */
  private static final Pattern TURN = Pattern.compile(" (but|and now|this time|however|although|though|except|whereas) ");

  /**
   * Whether a mention told after a turn of the story stands when the clause is read from that turn on: every
   * reason (mild, idiom, resolved as well as those read by stretch) said before the turn stays there. A reason
   * from the turn on (", he recovered well", "but it is only a bit") still calms it.
   */
  private static boolean standsAfterATurn(String clause, String category, int start) {
    int from = -1;
    Matcher t = TURN.matcher(clause);
    while (t.find() && t.end() <= start) from = t.end() - 1;
    return from >= 0 && clauseReason(clause.substring(from), category, start - from) == null;
  }

  /**
   * Someone else who "lost her sight", with nothing to say it was sudden or now, is telling of a lasting loss
   * ("my mother lose her sight", the tense dropped in non-native English). Only this mention is calmed: beside it
   * "mum lost her eye sight and collapsed in the kitchen" still raises the collapse.
   */
  private static boolean someoneElsesLostSight(String clause, List<Words.Word> words, Concepts.Match m) {
    if (!m.category().equals("stroke") || !words.get(m.start()).lemma().equals("lose")) return false;
    String last = words.get(m.end()).text();
    if (!last.equals("sight") && !last.equals("vision")) return false;
    return OTHER.matcher(clause).find() && !SIGHT_LOST_NOW.matcher(clause).find() && !STRONG_NOW.matcher(clause).find()
        && !GOING_ON.matcher(clause).find() && !RECENT.matcher(clause).find() && !OTHER_SIGNS.matcher(clause).find();
  }

  /** Another sign beside the sight: "my mother lost her sight and her left side stopped working during tea". */
  private static final Pattern OTHER_SIGNS = Pattern.compile("\\b(face|mouth|smile|speech|speak|talk|words|slur\\w*"
      + "|droop\\w*|dropped|numb|tingl\\w*|weak|collaps\\w*|side|arm|arms|leg|legs|confused|muddled|dizzy|balance"
      + "|headache|fell|fall|floor|working|stopped|during|tea|dinner|breakfast|lunch|with it)\\b");
  private static final Pattern SIGHT_LOST_NOW = Pattern.compile("\\b((has|have|had) (just |suddenly |now )?lost|just"
      + "|suddenly|sudden|now|one eye|an eye|left eye|right eye|half|double|blurred|blurry|dark|curtain|went)\\b");

  /**
   * What the writer says of themselves or of their message, not of the symptom: "I'm a bit worried", "it's
   * probably nothing but", "sorry to bother you". A fourth review (2026-12-07) found such hedges read as a mild
   * or hypothetical symptom ("Dad's face went droopy and his arm went weak, I'm a bit worried"). Blanked with
   * spaces, so that every offset into the clause still holds.
   */
  private static final Pattern WRITERS_HEDGE = Pattern.compile("\\b((i am|we are) (a bit|a little|a tad|slightly|quite"
      + "|just|bit|abit|really|very|so) (worried|concerned|anxious|scared|nervous|panicking|unsure)"
      + "|(it is|this is|that is) (probably|likely|maybe|most likely) (nothing|a small thing|fine|silly|nothing serious"
      + "|overreacting)|i am (sure|hoping) it is (fine|nothing|ok|okay)|i am probably (overreacting|being silly|fussing)"
      + "|(probably )?(a )?silly question|sorry (to bother you|to trouble you|for bothering you)|sorry(?= *[,.])"
      + "|i hope it is (ok|okay|alright|fine) to (use|write|message|ask)( this| here)?|not sure if (this is|i should)"
      + "|i do not want to (make a fuss|bother|waste)( (you|anyone|your time))?)\\b");

  static String withoutWritersHedges(String clause) {
    Matcher h = WRITERS_HEDGE.matcher(clause);
    if (!h.find()) return clause;
    StringBuilder out = new StringBuilder(clause);
    do {
      for (int i = h.start(); i < h.end(); i++) out.setCharAt(i, ' ');
    } while (h.find());
    return out.toString();
  }

  /**
   * Where one stretch of a clause ends and the next begins: a comma or a semicolon, or a turn of the story ("but",
   * "and then", "then", "and now"). "In the past I had panic attacks but this time there is a crushing weight on my
   * chest": the past is said of the panic attacks.
   */
  private static final Pattern STRETCH_BREAK = Pattern.compile("[,;]| but | and then | then | and now ");

  /** The stretch of the clause that holds {@code at}: from the break before it to the break after it. */
  private static String segment(String clause, int at) {
    int[] span = span(clause, at);
    return clause.substring(span[0], span[1]);
  }

  /** {from, to, next}: the stretch holding {@code at}, and where the one after it starts (or -1). */
  private static int[] span(String clause, int at) {
    int from = 0, to = clause.length(), next = -1;
    Matcher b = STRETCH_BREAK.matcher(clause);
    while (b.find()) {
      if (b.end() <= at) {
        from = b.end();
      } else if (b.start() >= at) {
        to = b.start();
        next = b.end();
        break;
      }
    }
    return new int[] {from, to, next};
  }

  /**
   * The reasons that calm a mention only when they are said of it: in the same stretch (between commas, or
   * before or after a "but", "then", "and now": the fourth session of 2026-12-07 added those). Patients
   * tell the history and the emergency in one breath ("I read about FAST, my mum's mouth went lopsided and her
   * left arm went weak"; "my dad had a stroke years ago, his face drooped and his speech went slurred at tea,
   * should I ring you?"), and a third review (2026-12-07) found 75 such emergencies that these reasons, read over
   * the whole clause, cancelled. A settled end ("…, he recovered well") still calms the whole clause: RESOLVED
   * is not read by segment.
   */
  private static final Set<Reason> BY_SEGMENT = java.util.EnumSet.of(Reason.PAST, Reason.REPORTED,
      Reason.HYPOTHETICAL, Reason.ROUTINE, Reason.OTHER_PAST);

  /**
   * Whether the mention at {@code start} stands when only its own stretch ({@link #span}) is read. Not when the
   * stretch is a heading, the mention alone at the start, that the next stretch tells about ("Stroke, my brother
   * had one at 60"); a list of signs ("asthma attack, inhaler did nothing, …") is not one.
   */
  private static boolean standsInItsSegment(String clause, Concepts.Match m, int start) {
    int[] span = span(clause, start);
    String segment = clause.substring(span[0], span[1]).strip();
    if (segment.length() == clause.strip().length()) return false;
    // Only a heading and its history, nothing told after them: "Stroke, mum had one in 2015, … right side gone
    // heavy" tells of now after the history (a review, 2026-12-07).
    if (span[0] == 0 && span[2] > 0 && Words.of(segment).size() <= m.end() - m.start() + 1) {
      int[] history = span(clause, span[2]);
      if (history[2] < 0 && TELLS_OF_IT.matcher(clause.substring(history[0], history[1])).find()) return false;
    }
    return clauseReason(segment, m.category(), 0) == null;
  }

  /**
   * A stretch that tells that the heading was had: "my brother had one", "I had it as a child". Not any "it" or
   * "that" (a review, 2026-12-07: "Overdose, that's what it was meant to be, I took them all…").
   */
  private static final Pattern TELLS_OF_IT = Pattern.compile("\\b(had|has had|have had|suffered|got) (one|it|them"
      + "|those)\\b");

  /**
   * The guards that need no anchor word, for a clause the encoder thinks is an emergency. Negation
   * is left to the encoder, which was trained on negated near-misses.
   */
  static Reason encoderReason(String clause, String category) {
    Reason denied = clauseDenial(clause);
    if (denied != null) return denied;
    // The encoder's category is a guess, so small amounts are not exempt from "mild" here.
    return clauseReason(withoutWritersHedges(clause), "encoder-" + category, -1);
  }

  /** {@link Reason#NEGATED} when the whole clause is denied and nothing is going on beside it, else null. */
  static Reason clauseDenial(String clause) {
    return CLAUSE_NEGATED.matcher(clause).find() && !GOING_ON.matcher(clause).find()
        && !NOT_NORMAL.matcher(clause).find() ? Reason.NEGATED : null;
  }

  /**
   * A denial of the whole clause, for what the encoder found without a concept word to anchor on:
   * "no other symptoms", "my sugar has not been low". Not "I do not want to be alive" or "he is not
   * breathing" (the inability and the wish are the symptom).
   */
  private static final Pattern CLAUSE_NEGATED = Pattern.compile("(^(no|not|never|none|nothing)\\b(?!,)|\\b(no other"
      + "|not (had|got|have|any)|never (had|thought)(?!.{0,25}\\blike (it|this|that|before|them))|(has|have|had|is|are|am|was|were|do|does|did) not"
      + " (\\w+ )?(had|got|have|any|feel|notice|noticed|seen|think(?! i (can|could|will|would|am|have))|thought about|lost|felt)|nothing like|nothing wrong|none of|there (is|are|was|were)"
      + " no(?! point| hope| future| reason| way out)|(have|has|had|did) not (?!(woken|responded|stopped|peed|weed|passed|eaten|drunk|come))\\w+ed"
      + "|(do|does|did) not (feel|think|seem|look) (like|that|as if)\\b(?!" + SOMEONE_CANNOT + "))\\b)");

  /**
   * @param mentionStart where in the clause the concept's words start, or -1 for the encoder's find
   */
  static Reason clauseReason(String clause, String category, int mentionStart) {
    Matcher resolved = RESOLVED.matcher(clause);
    // "he's stopped shaking now but he's not coming round": what is better is not all that is happening.
    boolean goingOn = GOING_ON.matcher(clause).find();
    if (resolved.find() && !goingOn && !BUT_STILL.matcher(clause.substring(resolved.end())).find()) return Reason.RESOLVED;
    boolean strongNow = STRONG_NOW.matcher(clause).find();
    if (!strongNow && !goingOn && PAST.matcher(clause).find()) return Reason.PAST;
    if (!goingOn && REPORTED.matcher(clause).find() && !WATCHING_TV.matcher(clause).find()
        && !(category.endsWith("overdose") && I_TOOK.matcher(clause).find())) {
      return Reason.REPORTED;
    }
    if (!goingOn && HYPOTHETICAL.matcher(clause).find()) return Reason.HYPOTHETICAL;
    if (askedAboutIt(clause)) return Reason.HYPOTHETICAL;
    if (!goingOn && IDIOM.matcher(clause).find()) return Reason.IDIOM;
    // The other sense of "fit" calms only a fit: "my wife collapsed at keep fit" is a collapse.
    if (!goingOn && category.endsWith("seizure") && FIT_AS_HEALTH.matcher(clause).find()) return Reason.IDIOM;
    // A laugh or "lol" is the writer's tone, not the symptom's: never beside an overdose, a plan or a child's
    // swallowing ("lol took like 20 co-codamol", "haha I've got the rope ready", a fourth review).
    // Someone laughing when it happened is where they were, not the writer's tone: "mum was laughing at a joke and
    // suddenly her face went lopsided" (a review, fifth session); nor does a tone calm anything sudden or going on.
    if (!goingOn && !NEVER_MILD.contains(category) && TONE.matcher(clause).find() && !URGENT.matcher(clause).find()
        && !ACUTE.matcher(clause).find()) {
      return Reason.IDIOM;
    }
    if (KILLING_ME.matcher(clause).find() && !CORE_BODY.matcher(clause).find()) return Reason.IDIOM;
    if (category.endsWith("overdose") && TAKEN_AS_MEANT.matcher(clause).find() && !OVERDOSE_MEANT.matcher(clause).find()) {
      return Reason.ROUTINE;
    }
    // A weekly dose is taken all at once: "6 methotrexate tablets once a week, all at once" (a review, fifth session).
    if (category.endsWith("overdose") && WEEKLY_DOSE.matcher(clause).find() && !OVERDOSE_INTENDED.matcher(clause).find()) {
      return Reason.ROUTINE;
    }
    if (category.endsWith("anaphylaxis") && SWALLOWING_TABLETS.matcher(clause).find()
        && !REACTION_SIGNS.matcher(clause).find()) {
      return Reason.MILD;
    }
    boolean urgent = URGENT.matcher(clause).find();
    // Reading up on how many tablets it takes is a plan, not reading about it: suicide and overdose never.
    boolean acute = ACUTE.matcher(clause).find();
    if (mentionStart >= 0 && !NEVER_ROUTINE.contains(category) && !strongNow && !urgent && !acute) {
      Matcher settled = SETTLED.matcher(clause);
      if (settled.find(mentionStart) && !AGAIN.matcher(clause.substring(settled.end())).find()) return Reason.RESOLVED;
      if (ASKS_ABOUT_A_RISK.matcher(clause).find()) return Reason.HYPOTHETICAL;
      if (TOLD_ABOUT.matcher(clause).find()) return Reason.REPORTED;
    }
    if (!NEVER_MILD.contains(category) && !strongNow && !urgent && !goingOn && MILD.matcher(clause).find()) return Reason.MILD;
    // A fear of becoming like someone ("that I'll end up like my mother, not able to get about"), only where
    // nothing is planned, at hand or happening: "end up like my brother tonight, the pills are lined up" stands.
    if (!strongNow && !goingOn && !urgent && !acute && END_UP_LIKE.matcher(clause).find()
        && !MEANS_OR_PLAN.matcher(clause).find()) {
      return Reason.HYPOTHETICAL;
    }
    // How far an arm goes up is a shoulder's matter, even said as "can't" ("I can't lift my arm above my head"):
    // the weakness of a stroke is said without it, or beside a face, speech or "suddenly". ("Can't lift" is going
    // on by GOING_ON's words, so only a strong "now" or anything else beside it keeps it.)
    if (!NEVER_MILD.contains(category) && !strongNow && RANGE_OF_MOVEMENT.matcher(clause).find()
        && !STROKE_BESIDE.matcher(clause).find()) {
      return Reason.MILD;
    }
    // "I won't be around for my appointment" is intent, not a request about care.
    if (!NEVER_ROUTINE.contains(category) && !strongNow && !urgent && !acute && ROUTINE.matcher(clause).find()) {
      return Reason.ROUTINE;
    }
    // Someone else swallowing something is told in the past tense while it is happening: "my 3 year old ate
    // a handful of my iron tablets"; a poisoning long ago says when (PAST: "when he was two"). Only where the
    // words say so: the encoder's category is a guess ("he's had a bad tooth" read as an overdose).
    // Nor when it was today ("my husband had chest pain earlier"), or of a baby, who has no history to tell.
    if (!category.equals("overdose") && OTHER.matcher(clause).find() && OTHER_PAST.matcher(clause).find()
        && !strongNow && !goingOn && !NOW.matcher(clause).find() && !RECENT.matcher(clause).find()
        && !BABY.matcher(clause).find()) {
      return Reason.OTHER_PAST;
    }
    return null;
  }

  /**
   * A negating word in the four words before the mention or among the words inside it that are not
   * the concept's own ("my face is not drooping"); "can not" / "will not" are inability, not denial,
   * and "never … before" announces a first time.
   */
  private static boolean negated(String clause, List<Words.Word> words, Concepts.Match m) {
    int from = Math.max(0, m.start() - 5);
    int mentionAt = Words.startOffset(clause, m.start());
    for (int i = from; i <= m.end(); i++) {
      if (i >= m.start() && m.covered()[i]) continue;
      String w = words.get(i).text();
      if (!NEGATORS.contains(w)) continue;
      // A denial reaches no further than its own stretch (as NegEx's scope ends at a comma or a "but"): "It doesn't
      // feel like indigestion, my chest pain is crushing"; "it's probably nothing, but his face has dropped".
      if (i < m.start() && mentionAt >= 0 && breakBetween(clause, Words.startOffset(clause, i), mentionAt)) continue;
      // "no" reaches only three words on ("no, my chest hurts" is not a denial of the pain far after it).
      if ((w.equals("no") || w.equals("nothing") || w.equals("none")) && m.start() - i > 3) continue;
      // Inside the mention only a negator right before one of its words denies it ("face is not drooping").
      if (i > m.start() && !(i + 1 <= m.end() && m.covered()[i + 1])) continue;
      // "can not stop", "will not wake", "won't feed": inability or refusal is the symptom.
      if (w.equals("not") && i > 0 && MODALS.contains(words.get(i - 1).text())) continue;
      // "not joking, I've taken all my tablets": it is the joke that is denied.
      if (i + 1 < words.size() && NOT_JOKING.contains(words.get(i + 1).text())) continue;
      // "has not stopped", "hasn't helped": it is the relief that is denied, not the symptom.
      if (i + 1 < words.size() && ONGOING.contains(words.get(i + 1).text())) continue;
      if (w.equals("never") && followedBy(words, i, "before")) continue;
      // "never had anything like this", "never felt pain like these": a first time, said as one.
      if (w.equals("never") && followedByLikeThis(words, i)) continue;
      return true;
    }
    // "chest pain? no" / "chest pain - none"
    int after = m.end() + 1;
    return after < words.size() && (words.get(after).text().equals("no") || words.get(after).text().equals("none"))
        && after == words.size() - 1;
  }

  private static boolean breakBetween(String clause, int from, int to) {
    if (from < 0 || to <= from) return false;
    return STRETCH_BREAK.matcher(clause.substring(from, to)).find();
  }

  /** "never … like this / like these": a first time, not "never had chest pain or anything like it". */
  private static boolean followedByLikeThis(List<Words.Word> words, int i) {
    for (int k = i + 1; k + 1 < Math.min(words.size(), i + 9); k++) {
      if (!words.get(k).text().equals("like")) continue;
      String next = words.get(k + 1).text();
      if (next.equals("this") || next.equals("these") || next.equals("now")) return true;
    }
    return false;
  }

  private static boolean followedBy(List<Words.Word> words, int i, String w) {
    for (int k = i + 1; k < Math.min(words.size(), i + 8); k++) if (words.get(k).text().equals(w)) return true;
    return false;
  }
}
