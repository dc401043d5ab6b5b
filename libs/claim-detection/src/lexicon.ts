/** Word lists used by the entity recogniser, the feature extractor and the claim typer. */

const set = (s: string): Set<string> =>
  new Set(
    s
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean),
  );

export const PLACES = set(
  'Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|Belgium|' +
    'Bolivia|Bosnia|Brazil|Bulgaria|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czechia|' +
    'Denmark|Ecuador|Egypt|England|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Haiti|Honduras|' +
    'Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Korea|Kosovo|Kuwait|' +
    'Kyrgyzstan|Laos|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Macedonia|Malaysia|Mali|Mexico|Moldova|Mongolia|Montenegro|' +
    'Morocco|Mozambique|Myanmar|Nepal|Netherlands|Nicaragua|Niger|Nigeria|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|' +
    'Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Scotland|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|Spain|' +
    'Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|Uruguay|' +
    'Uzbekistan|Venezuela|Vietnam|Wales|Yemen|Yugoslavia|Zambia|Zimbabwe|America|Europe|Asia|Africa|Eurasia|Baltics|Balkans|' +
    'Crimea|Donbass|Donbas|Donetsk|Lugansk|Luhansk|Kiev|Kyiv|Odessa|Moscow|Minsk|Grodno|Sochi|Vladivostok|Lisbon|Urals|' +
    'Petersburg|Washington|Beijing|Berlin|Paris|London|Brussels|Madrid|Rome|Tokyo|Tehran|Baghdad|Damascus|Kabul|Jerusalem|' +
    'Gaza|Havana|Vienna|Warsaw|Prague|Budapest|Geneva|Helsinki|Istanbul|Ankara|Cairo|Delhi|Seoul|Pyongyang|Hanoi|Saigon|' +
    'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|' +
    'Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|' +
    'Ohio|Oklahoma|Oregon|Pennsylvania|Tennessee|Texas|Utah|Vermont|Virginia|Wisconsin|Wyoming|Chicago|Boston|Detroit|' +
    'Atlanta|Houston|Dallas|Miami|Philadelphia|Baltimore|Cleveland|Iowa|Manhattan|Brooklyn|Harlem|Hollywood|Vegas|' +
    'U.S.|US|USA|U.S.A.|UK|U.K.|USSR|Atlantic|Pacific|Arctic|Mediterranean|Caribbean|Gulf|Siberia|Kurdistan|Kashmir|Tibet|' +
    'Bosnia-Herzegovina|Chechnya|Dagestan|Abkhazia|Ossetia|Transnistria|Karabakh|Vilnius|Riga|Tallinn|Sevastopol|Kharkov|Kharkiv|Mariupol',
);

/** Multi-word places matched on the whole span. */
export const PLACE_PHRASES = set(
  'United States|United States of America|United Kingdom|Great Britain|Soviet Union|Russian Federation|European Union Member States|' +
    'New York|New Jersey|New Hampshire|New Mexico|North Carolina|South Carolina|North Dakota|South Dakota|West Virginia|Rhode Island|' +
    'Middle East|Near East|Far East|Latin America|South America|North America|Central America|Central Asia|Eastern Europe|' +
    'Western Europe|St Petersburg|St. Petersburg|Saint Petersburg|Persian Gulf|Saudi Arabia|South Africa|North Korea|South Korea|' +
    'Union State|Los Angeles|San Francisco|Hong Kong|Sri Lanka|New Zealand|Czech Republic|Baltic States|Balkan States|Wall Street|' +
    'White House|Capitol Hill|Sub-Saharan Africa|Southeast Asia|South China Sea|Black Sea|Baltic Sea|Caspian Sea|North-Atlantic Region',
);

export const ORG_ACRONYMS = set(
  'NATO|EU|UN|OSCE|CIS|EAEU|SCO|ASEAN|BRICS|CSTO|NAFTA|WTO|IMF|WHO|OPEC|FBI|CIA|NSA|KGB|FSB|NASA|EPA|IRS|FDA|CDC|OECD|G7|G8|G20|' +
    'UNESCO|UNICEF|IAEA|ICC|GOP|DNC|RNC|AFL-CIO|NRA|ACLU|MEMRI|TASS|RIA|BBC|CNN|NBC|CBS|ABC|AP|AFP|PLO|ISIS|ISIL|SEC|FEMA|HUD|' +
    'VA|DOD|MFA|EC|ECB|PACE|Pentagon|Kremlin|Congress|Senate|Hamas|Hezbollah|Taliban|Al-Qaeda|Qaeda|Medicare|Medicaid',
);

/** Words that make a capitalised span an organisation. */
export const ORG_WORDS = set(
  'Council|Union|Organisation|Organization|Ministry|Department|Party|Committee|Parliament|Assembly|Bank|Fund|Agency|Office|' +
    'Alliance|Commission|Court|Government|Treaty|Pact|Congress|Senate|Association|Institute|University|Corporation|Corp|Inc|' +
    'Company|Forum|Group|Service|Army|Forces|Navy|Police|Guard|Administration|Board|Bureau|Authority|Cabinet|Duma|Rada|' +
    'Foundation|Federation|Movement|Front|Reserve|Times|Post|Journal|News|Press|Media|Network|Institution|Academy|School|' +
    'College|Church|Mission|Coalition|League|Society|Centre|Center|Secretariat|Executive|Directorate|Command|Partnership',
);

/** Titles and role words that precede a person's name. */
export const TITLES = set(
  'President|Vice|Prime|Minister|Foreign|Secretary|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Dr|Dr.|Senator|Sen.|Governor|Gov.|Chancellor|' +
    'Ambassador|Deputy|First|General|Gen.|Admiral|Colonel|Col.|Commander|Chairman|Chairwoman|Chair|Speaker|King|Queen|Prince|' +
    'Pope|Patriarch|Mayor|Judge|Justice|Congressman|Congresswoman|Representative|Rep.|FM|PM|Director|Spokesman|Spokeswoman|' +
    'Spokesperson|Leader|Premier|Professor|Prof.|Sir|Lord|Lady|Attorney|Senior|Adviser|Advisor|Special|Envoy|Head|Chief|Emir|Sheikh|Ayatollah|Rabbi|Reverend|Rev.|Father|Saint',
);

export const DEMONYMS = set(
  'Russian|Belarusian|Ukrainian|American|European|Western|Eastern|Soviet|Chinese|German|French|British|Polish|Lithuanian|' +
    'Latvian|Estonian|Finnish|Japanese|Indian|Pakistani|Iranian|Iraqi|Syrian|Israeli|Palestinian|Turkish|Georgian|Armenian|' +
    'Kazakh|Belarussian|Mexican|Canadian|Cuban|Korean|Vietnamese|Afghan|Libyan|Egyptian|Saudi|Italian|Spanish|Dutch|Swedish|' +
    'Norwegian|Danish|Serbian|Hungarian|Czech|Greek|Transatlantic|North-Atlantic|Atlantic|Baltic|Democratic|Republican|Federal|National|International',
);

/** Capitalised words that start sentences or headings but are not names. */
export const NOT_NAMES = set(
  'I|The|A|An|And|But|Or|So|If|We|They|He|She|It|This|That|These|Those|There|Here|What|When|Where|Why|How|Who|Which|Now|Then|' +
    'Yes|No|Well|Our|Their|His|Her|Its|My|Your|You|In|On|At|By|For|From|With|Without|To|Of|As|After|Before|Since|Until|Also|' +
    'Let|Thank|Thanks|Mister|Madam|Ladies|Gentlemen|God|OK|Okay|Q|A|Question|Answer|Today|Yesterday|Tomorrow|Still|Instead|' +
    'However|Nevertheless|Notably|First|Second|Third|Finally|Unfortunately|Of course|Both|All|Any|Every|Each|Some|Many|Most|' +
    'Nobody|Everybody|Somebody|Anybody|None|Just|Even|Only|Despite|Although|Though|While|Because|Once|Back|Judging|Suffice|' +
    'Defensive|Considering|Based|Given|According|During|Below|Above|Share|Source|Apart|Incidentally|Eventually|Last|Next|' +
    'January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday',
);

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Function words: a word reason made only of these says nothing to an editor. */
export const STOPWORDS = set(
  'a|an|the|and|or|but|of|to|in|on|at|by|for|from|with|as|is|are|was|were|be|been|being|am|it|its|this|that|these|those|' +
    'there|here|i|me|my|we|us|our|you|your|he|him|his|she|her|they|them|their|what|which|who|whom|whose|do|does|did|' +
    'have|has|had|will|would|can|could|shall|should|may|might|must|not|no|so|if|then|than|too|very|just|about|up|out|' +
    "into|over|all|any|some|one|'s|'re|'ve|'ll|'d|'m|n't|s|t",
);
