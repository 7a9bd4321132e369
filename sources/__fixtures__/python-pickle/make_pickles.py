# Makes the python-pickle test fixtures with the anchor's Python (CPython 3.11).
import collections, os, pickle, sys
out = sys.argv[1]
shared = ['same']
plain = {
    'none': None, 't': True, 'f': False, 'small': 7, 'neg': -300, 'i4': 100000, 'big': 2**70, 'negbig': -2**70,
    'float': 1.5, 'whole': 2.0, 'inf': float('inf'), 's': 'h\u00e9llo \u2713 \U0001d11e', 'lone': '\ud800x',
    'b': b'\x00\xff', 'ba': bytearray(b'ab'), 'list': [1, [2, 3]], 'tuple': (1, 'a'), 'empty_tuple': (),
    'set': {1}, 'frozen': frozenset({2}), 'tuple_key': {(1, 2): 'v'}, 'shared': [shared, shared],
    'ordered': collections.OrderedDict([('z', 1), ('a', 2)]), 'backslash': 'a\\u0041\\\\u0042',
}
for proto in range(6):
    with open(os.path.join(out, f'plain-p{proto}.pk'), 'wb') as f:
        pickle.dump(plain, f, protocol=proto)

def example(i, split):
    return {'document': f'{split} d{i}\nx', 'summary': f's{i}', 'id': str(i)}
splits = {'train': [example(i, 'train') for i in range(1200)], 'validation': [example(0, 'validation')], 'test': []}
for proto in (0, 2, 4):
    with open(os.path.join(out, f'splits-p{proto}.pk'), 'wb') as f:
        pickle.dump(splits, f, protocol=proto)
# The same example object in two splits: the list items are read again through the memo.
one = example(9, 'both')
with open(os.path.join(out, 'splits-shared.pk'), 'wb') as f:
    pickle.dump({'test': [one], 'train': [one, one]}, f, protocol=4)

class Evil:
    def __reduce__(self):
        return (os.system, ('echo pwned',))
with open(os.path.join(out, 'evil.pk'), 'wb') as f:
    pickle.dump({'train': [Evil()]}, f, protocol=4)

class Record:
    def __init__(self):
        self.x = 1
with open(os.path.join(out, 'object-p2.pk'), 'wb') as f:
    pickle.dump(Record(), f, protocol=2)
with open(os.path.join(out, 'truncated.pk'), 'wb') as f:
    f.write(pickle.dumps(splits, protocol=4)[:300])
# One list object under two keys: the second is a BINGET of the first.
same = [example(1, 'same'), example(2, 'same')]
with open(os.path.join(out, 'splits-same-list.pk'), 'wb') as f:
    pickle.dump({'train': same, 'test': same}, f, protocol=4)
