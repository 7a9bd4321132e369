class Solution:
    def double(self, xs: List[int]) -> List[int]:
        