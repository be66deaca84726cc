// A global match result is grouped into columns like any other array of more than six entries.
console.log("a b c d e f g".match(/\w/g));
console.log("a1 b2 c3 d4 e5 f6 g7 h8".match(/\w\d/g));
// A non-global match result with more than six entries groups its groups and keys too.
console.log("abcdefg".match(/(a)(b)(c)(d)(e)(f)(g)/));
