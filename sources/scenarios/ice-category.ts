/** @module HELM's `ICEScenario.validate_category`: whether an ICE corpus file is of the asked text category. */
import { UserError } from '../../core/errors.ts';

/** HELM `TextCategory` values: all, spoken or written, and spoken dialogue/monologue, written private/public. */
export const ICE_CATEGORIES = ['all', 'S', 'W', 'S1', 'S2', 'W1', 'W2'] as const;
export type IceCategory = (typeof ICE_CATEGORIES)[number];

type Leaf = 'S1' | 'S2' | 'W1' | 'W2';

/** HELM `EA_FILENAME_TO_CATEGORY`: East Africa's files are named by genre, not by ICE code. */
const EAST_AFRICA: Readonly<Record<string, Leaf>> = {
  brdisc: 'S1', brint: 'S1', brnews: 'S2', brtalk: 'S2', buslet: 'W1', clless: 'S1', column: 'W2', conv: 'S1',
  conv1: 'S1', conv2: 'S1', crea: 'W2', creat1: 'W2', creat2: 'W2', crossx: 'S1', editor: 'W2', essays: 'W1',
  exam: 'W1', feat: 'W2', instruct: 'W2', judge: 'W1', ldhum: 'W2', ldnats: 'W2', ldsoc: 'W2', ldtech: 'W2',
  parlia: 'S1', ppgen: 'W2', pphum: 'W2', ppnats: 'W2', ppsoc: 'W2', pptech: 'W2', schbr: 'S2', soclet: 'W1',
  splect: 'S2', splash: 'W2',
};

/**
 * Whether `file` of `subset` is in `category`: for East Africa by its genre name (the file name without "-" and
 * its last 5 characters, lower-cased), elsewhere by the ICE code it starts with (`S1A-001.txt` is S1).
 * @example iceCategoryAccepts('S', 'ind', 's1a-001.txt') // true
 */
export function iceCategoryAccepts(category: IceCategory, subset: string, file: string): boolean {
  if (category === 'all') return true;
  if (subset !== 'ea') return file.toUpperCase().startsWith(category);
  const genre = Array.from(file.replaceAll('-', '')).slice(0, -5).join('').toLowerCase();
  const leaf = Object.hasOwn(EAST_AFRICA, genre) ? EAST_AFRICA[genre]! : undefined;
  if (leaf === undefined) {
    throw new UserError(`ice: the East Africa file ${JSON.stringify(file)} is of no genre HELM knows (${JSON.stringify(genre)}; HELM's KeyError), so category=${category} cannot place it.`);
  }
  return category === 'S' || category === 'W' ? leaf.startsWith(category) : leaf === category;
}
