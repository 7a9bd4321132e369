/**
 * @module The built-in word tables of HELM's GenderPerturbation (`gender_perturbation.py`), columns
 * (neutral, female, male), in HELM's order: the order of the substitutions. Typos kept (a
 * "grandparents" row ends in "grandfather"), and rows repeat a neutral word ("parent": mother/father,
 * then mom/dad).
 */

/** HELM's genders, in the column order of both tables. */
export const GENDERS = ['neutral', 'female', 'male'] as const;

/** `GENDER_TERM_MAPPINGS`: Garg et al. (2018), Bolukbasi et al. (2016), then HELM's additions. */
export const GENDER_TERM_MAPPINGS: readonly (readonly [string, string, string])[] = [
  ['child', 'daughter', 'son'],
  ['children', 'daughters', 'sons'],
  ['parent', 'mother', 'father'],
  ['parents', 'mothers', 'fathers'],
  ['kiddo', 'girl', 'boy'],
  ['kiddos', 'girls', 'boys'],
  ['person', 'woman', 'man'],
  ['people', 'women', 'men'],
  ['sibling', 'sister', 'brother'],
  ['siblings', 'sisters', 'brothers'],
  ['nibling', 'niece', 'nephew'],
  ['niblings', 'nieces', 'nephews'],
  ['monarch', 'queen', 'king'],
  ['monarchs', 'queens', 'kings'],
  ['server', 'waitress', 'waiter'],
  ['servers', 'waitresses', 'waiters'],
  ['parent', 'mom', 'dad'],
  ['parents', 'moms', 'dads'],
  ['stepchild', 'stepdaughter', 'stepson'],
  ['stepchildren', 'stepdaughters', 'stepsons'],
  ['stepparent', 'stepmother', 'stepfather'],
  ['stepparents', 'stepmothers', 'stepfathers'],
  ['stepparent', 'stepmom', 'stepdad'],
  ['stepparents', 'stepmoms', 'stepdads'],
  ['grandchild', 'granddaughter', 'grandson'],
  ['grandchildren', 'granddaughters', 'grandsons'],
  ['grandparent', 'grandmother', 'grandfather'],
  ['grandparents', 'grandmothers', 'grandfather'],
  ['grandparent', 'grandma', 'granddad'],
  ['grandparents', 'grandmas', 'granddads'],
  ['human', 'female', 'male'],
  ['humans', 'females', 'males'],
];

/**
 * `GENDER_PRONOUN_MAPPINGS` (Lauscher et al. 2022). Overlaps ("her" for both "him" and "his") make some
 * substitutions wrong; HELM keeps the first match rather than tagging parts of speech.
 */
export const GENDER_PRONOUN_MAPPINGS: readonly (readonly [string, string, string])[] = [
  ['they', 'she', 'he'],
  ['them', 'her', 'him'],
  ['their', 'her', 'his'],
  ['theirs', 'hers', 'his'],
  ['themselves', 'herself', 'himself'],
];
