/**
 * Common first-name nicknames and spelling variants, by formal name. A name may belong to
 * several groups (Chris, Pat, Sam, Alex…): two first names are nickname-equivalent when they
 * share a group, in either direction.
 */
const NICKNAME_GROUPS: Readonly<Record<string, string>> = {
  // men
  robert: "bob bobby rob robbie robby bert",
  william: "bill billy will willie willy liam",
  james: "jim jimmy jimmie jamie",
  john: "jack johnny jon",
  jonathan: "jon jonny",
  richard: "rick ricky rich richie dick",
  michael: "mike mikey mick mickey",
  thomas: "tom tommy thom",
  christopher: "chris kit topher",
  charles: "charlie chuck chas",
  joseph: "joe joey jo",
  daniel: "dan danny",
  david: "dave davey",
  matthew: "matt matty",
  anthony: "tony",
  andrew: "andy drew",
  steven: "steve stevie stephen",
  edward: "ed eddie ted teddy ned",
  benjamin: "ben benny benji",
  samuel: "sam sammy",
  alexander: "alex alec al xander",
  nicholas: "nick nicky nico",
  timothy: "tim timmy",
  kenneth: "ken kenny",
  joshua: "josh",
  patrick: "pat paddy",
  gregory: "greg",
  jeffrey: "jeff geoffrey",
  jacob: "jake",
  zachary: "zach zack",
  nathaniel: "nate nat nathan",
  nathan: "nate",
  peter: "pete",
  raymond: "ray",
  ronald: "ron ronnie",
  donald: "don donnie",
  gerald: "jerry gerry",
  jerome: "jerry",
  lawrence: "larry laurence",
  leonard: "len lenny leo",
  douglas: "doug",
  frederick: "fred freddie freddy",
  alfred: "al alf fred",
  francis: "frank frankie",
  franklin: "frank",
  henry: "hank harry hal",
  harold: "hal harry",
  walter: "walt wally",
  eugene: "gene",
  theodore: "ted teddy theo",
  albert: "al bert bertie",
  arthur: "art artie",
  vincent: "vince vinny",
  victor: "vic",
  phillip: "phil philip",
  randall: "randy",
  russell: "russ",
  stanley: "stan",
  terrence: "terry terence",
  gabriel: "gabe",
  christian: "chris",
  brian: "bryan",
  jesse: "jess",
  alan: "allen allan al",
  tyler: "ty",
  elijah: "eli",
  jose: "pepe",
  francisco: "paco pancho frank",
  manuel: "manny",
  ignacio: "nacho",
  jesus: "chuy",
  alejandro: "alex alejo",
  ricardo: "rick ricky",
  eduardo: "lalo eddie",
  roberto: "beto",
  alberto: "beto",
  enrique: "kike quique",
  fernando: "nando",
  rafael: "rafa",
  leonardo: "leo",
  gerardo: "jerry",
  // women
  elizabeth: "liz lizzie lizzy beth betty betsy eliza elisa libby bess",
  margaret: "maggie meg peggy marge margie greta",
  katherine: "kate katie kathy cathy kat catherine kathryn katy kitty cate",
  // Another name than Katherine (Irish), with the same short forms.
  kathleen: "kathy kathie kate katie kath",
  jennifer: "jen jenny jenn",
  jessica: "jess jessie",
  rebecca: "becky becca",
  deborah: "deb debbie debra",
  susan: "sue susie suzy",
  barbara: "barb barbie",
  dorothy: "dot dottie dolly",
  christine: "chris chrissy kristine",
  christina: "chris tina chrissy kristina cristina",
  patricia: "pat patty trish tricia patsy",
  victoria: "vicky vickie tori",
  abigail: "abby",
  alexandra: "alex alexa lexi sandra sandy",
  alejandra: "alex",
  alexis: "alex lexi",
  samantha: "sam sammy",
  kimberly: "kim",
  pamela: "pam",
  cynthia: "cindy",
  amanda: "mandy",
  melissa: "missy mel",
  melanie: "mel",
  stephanie: "steph",
  theresa: "terry tess tessa teresa",
  judith: "judy",
  jacqueline: "jackie",
  virginia: "ginny",
  josephine: "jo josie",
  frances: "fran frannie",
  valerie: "val",
  carolyn: "carol carrie",
  caroline: "carrie",
  sarah: "sally sadie sara",
  mary: "molly polly mae",
  ann: "anne annie anna nan",
  eleanor: "ellie nell nora",
  helen: "nell nellie",
  lillian: "lily lil",
  megan: "meg",
  nicole: "nikki nicki",
  olivia: "liv livvy",
  cassandra: "cassie",
  angela: "angie",
  natalie: "nat",
  madeline: "maddie madeleine madelyn",
  allison: "allie alison ali",
  emily: "em emmy",
  isabella: "bella izzy isabel",
  gabriela: "gabby gabrielle gabriella",
  guadalupe: "lupe",
  dolores: "lola lolita",
  sophia: "sofia sophie",
  josefina: "josie fina",
  margarita: "rita margie",
  graciela: "chela",
  beatriz: "bea",
  charlotte: "charlie lottie",
  beverly: "bev",
  evelyn: "evie",
};

const groupsByName: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [formal, variants] of Object.entries(NICKNAME_GROUPS)) {
    for (const name of [formal, ...variants.split(" ")]) {
      const groups = map.get(name) ?? [name];
      if (!groups.includes(formal)) groups.push(formal);
      map.set(name, groups);
    }
  }
  return map;
})();

/** How many formal names the table knows. */
export const NICKNAME_GROUP_COUNT = Object.keys(NICKNAME_GROUPS).length;

/**
 * The names a normalized first name may stand for: itself, and the formal names it is a
 * nickname of: "bob" → ["bob", "robert"], "chris" → ["chris", "christopher", "christine",
 * "christina"], "sandra" → ["sandra", "alexandra"].
 */
export function canonicalFirstNames(firstToken: string): readonly string[] {
  return groupsByName.get(firstToken) ?? [firstToken];
}

/** Whether the table knows a normalized first name, as a formal name or a nickname. */
export function isKnownFirstName(name: string): boolean {
  return groupsByName.has(name);
}

/** Every name the table knows, formal names and nicknames. */
export function knownFirstNames(): IterableIterator<string> {
  return groupsByName.keys();
}
