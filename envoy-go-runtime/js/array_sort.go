package js

// timSort sorts work in place with compare as V8's Array.prototype.sort does: TimSort, with
// binary insertion sort building runs of a minimum length (so an array shorter than 64 is
// sorted by binary insertion alone). Following V8 step by step, and so calling compare on
// the same pairs in the same order, gives V8's result even for a comparator that is not
// consistent (one that returns NaN, or contradicts itself). A result is "less" only when
// it is below zero; NaN never is.
func timSort[T any](work []T, compare func(x, y T) float64) {
	n := len(work)
	if n < 2 {
		return
	}
	s := &timSortState[T]{work: work, compare: compare, minGallop: timSortMinGallop}
	minRun := timSortMinRun(n)
	low, remaining := 0, n
	for remaining != 0 {
		runLength := s.countAndMakeRun(low, low+remaining)
		if runLength < minRun {
			forced := min(minRun, remaining)
			s.binaryInsertionSort(low, low+runLength, low+forced)
			runLength = forced
		}
		s.runs = append(s.runs, timSortRun{base: low, length: runLength})
		s.mergeCollapse()
		low += runLength
		remaining -= runLength
	}
	s.mergeForceCollapse()
}

// timSortMinGallop: wins in a row after which a merge switches to galloping.
const timSortMinGallop = 7

type timSortRun struct{ base, length int }

type timSortState[T any] struct {
	work      []T
	compare   func(x, y T) float64
	minGallop int
	runs      []timSortRun
}

func (s *timSortState[T]) less(x, y T) bool { return s.compare(x, y) < 0 }

// timSortMinRun: n itself below 64, otherwise a length between 32 and 64 that splits n into
// a number of runs that is a power of two, or a little less.
func timSortMinRun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

// countAndMakeRun returns the length of the run starting at low (before high): ascending
// (each element not less than the one before) or strictly descending, which is reversed.
func (s *timSortState[T]) countAndMakeRun(low, high int) int {
	next := low + 1
	if next == high {
		return 1
	}
	runLength := 2
	descending := s.less(s.work[next], s.work[low])
	previous := s.work[next]
	for i := next + 1; i < high; i++ {
		current := s.work[i]
		isLess := s.less(current, previous)
		if descending != isLess {
			break
		}
		previous = current
		runLength++
	}
	if descending {
		for i, j := low, low+runLength-1; i < j; i, j = i+1, j-1 {
			s.work[i], s.work[j] = s.work[j], s.work[i]
		}
	}
	return runLength
}

// binaryInsertionSort extends the sorted work[low:start] to work[low:high], inserting each
// element after every element it is not less than.
func (s *timSortState[T]) binaryInsertionSort(low, start, high int) {
	if start == low {
		start++
	}
	for ; start < high; start++ {
		pivot := s.work[start]
		left, right := low, start
		for left < right {
			mid := left + (right-left)/2
			if s.less(pivot, s.work[mid]) {
				right = mid
			} else {
				left = mid + 1
			}
		}
		copy(s.work[left+1:start+1], s.work[left:start])
		s.work[left] = pivot
	}
}

// mergeCollapse merges pending runs until, from the top of the stack down, each run is
// longer than the next two together and than the next one.
func (s *timSortState[T]) mergeCollapse() {
	for len(s.runs) > 1 {
		n := len(s.runs) - 2
		if !s.invariantHolds(n+1) || !s.invariantHolds(n) {
			if s.runs[n-1].length < s.runs[n+1].length {
				n--
			}
		} else if s.runs[n].length > s.runs[n+1].length {
			return
		}
		s.mergeAt(n)
	}
}

func (s *timSortState[T]) invariantHolds(n int) bool {
	if n < 2 {
		return true
	}
	return s.runs[n-2].length > s.runs[n-1].length+s.runs[n].length
}

// mergeForceCollapse merges all pending runs into one.
func (s *timSortState[T]) mergeForceCollapse() {
	for len(s.runs) > 1 {
		n := len(s.runs) - 2
		if n > 0 && s.runs[n-1].length < s.runs[n+1].length {
			n--
		}
		s.mergeAt(n)
	}
}

// mergeAt merges pending runs i and i+1, skipping the start of run i that is already in
// place and the end of run i+1 that is.
func (s *timSortState[T]) mergeAt(i int) {
	baseA, lengthA := s.runs[i].base, s.runs[i].length
	baseB, lengthB := s.runs[i+1].base, s.runs[i+1].length
	s.runs[i].length = lengthA + lengthB
	s.runs = append(s.runs[:i+1], s.runs[i+2:]...)

	k := s.gallopRight(s.work, s.work[baseB], baseA, lengthA, 0)
	baseA += k
	lengthA -= k
	if lengthA == 0 {
		return
	}
	lengthB = s.gallopLeft(s.work, s.work[baseA+lengthA-1], baseB, lengthB, lengthB-1)
	if lengthB == 0 {
		return
	}
	if lengthA <= lengthB {
		s.mergeLow(baseA, lengthA, baseB, lengthB)
	} else {
		s.mergeHigh(baseA, lengthA, baseB, lengthB)
	}
}

// gallopLeft returns where key goes in the sorted a[base:base+length]: k such that
// a[base+k-1] < key <= a[base+k], searching out from a[base+hint].
func (s *timSortState[T]) gallopLeft(a []T, key T, base, length, hint int) int {
	lastOfs, offset := 0, 1
	if s.less(a[base+hint], key) {
		maxOfs := length - hint
		for offset < maxOfs && s.less(a[base+hint+offset], key) {
			lastOfs = offset
			offset = offset*2 + 1
		}
		offset = min(offset, maxOfs)
		lastOfs += hint
		offset += hint
	} else {
		maxOfs := hint + 1
		for offset < maxOfs && !s.less(a[base+hint-offset], key) {
			lastOfs = offset
			offset = offset*2 + 1
		}
		offset = min(offset, maxOfs)
		lastOfs, offset = hint-offset, hint-lastOfs
	}
	lastOfs++
	for lastOfs < offset {
		m := lastOfs + (offset-lastOfs)/2
		if s.less(a[base+m], key) {
			lastOfs = m + 1
		} else {
			offset = m
		}
	}
	return offset
}

// gallopRight returns where key goes in the sorted a[base:base+length] after its equals:
// k such that a[base+k-1] <= key < a[base+k], searching out from a[base+hint].
func (s *timSortState[T]) gallopRight(a []T, key T, base, length, hint int) int {
	lastOfs, offset := 0, 1
	if s.less(key, a[base+hint]) {
		maxOfs := hint + 1
		for offset < maxOfs && s.less(key, a[base+hint-offset]) {
			lastOfs = offset
			offset = offset*2 + 1
		}
		offset = min(offset, maxOfs)
		lastOfs, offset = hint-offset, hint-lastOfs
	} else {
		maxOfs := length - hint
		for offset < maxOfs && !s.less(key, a[base+hint+offset]) {
			lastOfs = offset
			offset = offset*2 + 1
		}
		offset = min(offset, maxOfs)
		lastOfs += hint
		offset += hint
	}
	lastOfs++
	for lastOfs < offset {
		m := lastOfs + (offset-lastOfs)/2
		if s.less(key, a[base+m]) {
			offset = m
		} else {
			lastOfs = m + 1
		}
	}
	return offset
}

// mergeLow merges the adjacent runs A = work[baseA:baseA+lengthA] and B after it, when A is
// the shorter: A is copied aside and the merge fills work from the left. B's first element
// goes first and A's last goes last, as mergeAt established.
func (s *timSortState[T]) mergeLow(baseA, lengthA, baseB, lengthB int) {
	work := s.work
	temp := append([]T(nil), work[baseA:baseA+lengthA]...)
	dest, cursorTemp, cursorB := baseA, 0, baseB
	work[dest] = work[cursorB]
	dest++
	cursorB++
	lengthB--
	// copyB ends the merge when one element of A is left: the rest of B, then it.
	copyB := func() {
		copy(work[dest:dest+lengthB], work[cursorB:cursorB+lengthB])
		work[dest+lengthB] = temp[cursorTemp]
	}
	// succeed ends the merge when B is used up: the rest of A.
	succeed := func() {
		copy(work[dest:dest+lengthA], temp[cursorTemp:cursorTemp+lengthA])
	}
	if lengthB == 0 {
		succeed()
		return
	}
	if lengthA == 1 {
		copyB()
		return
	}
	minGallop := s.minGallop
	for {
		winsA, winsB := 0, 0
		// One element at a time until one run wins minGallop times in a row.
		for {
			if s.less(work[cursorB], temp[cursorTemp]) {
				work[dest] = work[cursorB]
				dest++
				cursorB++
				winsB++
				lengthB--
				winsA = 0
				if lengthB == 0 {
					succeed()
					return
				}
				if winsB >= minGallop {
					break
				}
			} else {
				work[dest] = temp[cursorTemp]
				dest++
				cursorTemp++
				winsA++
				lengthA--
				winsB = 0
				if lengthA == 1 {
					copyB()
					return
				}
				if winsA >= minGallop {
					break
				}
			}
		}
		// Galloping: move whole stretches while they stay long.
		minGallop++
		for first := true; first || winsA >= timSortMinGallop || winsB >= timSortMinGallop; first = false {
			minGallop = max(1, minGallop-1)
			s.minGallop = minGallop
			winsA = s.gallopRight(temp, work[cursorB], cursorTemp, lengthA, 0)
			if winsA > 0 {
				copy(work[dest:dest+winsA], temp[cursorTemp:cursorTemp+winsA])
				dest += winsA
				cursorTemp += winsA
				lengthA -= winsA
				if lengthA == 1 {
					copyB()
					return
				}
				// Only an inconsistent comparator empties A here.
				if lengthA == 0 {
					succeed()
					return
				}
			}
			work[dest] = work[cursorB]
			dest++
			cursorB++
			lengthB--
			if lengthB == 0 {
				succeed()
				return
			}
			winsB = s.gallopLeft(work, temp[cursorTemp], cursorB, lengthB, 0)
			if winsB > 0 {
				copy(work[dest:dest+winsB], work[cursorB:cursorB+winsB])
				dest += winsB
				cursorB += winsB
				lengthB -= winsB
				if lengthB == 0 {
					succeed()
					return
				}
			}
			work[dest] = temp[cursorTemp]
			dest++
			cursorTemp++
			lengthA--
			if lengthA == 1 {
				copyB()
				return
			}
		}
		minGallop++
		s.minGallop = minGallop
	}
}

// mergeHigh is mergeLow from the right, when B is the shorter run: B is copied aside and
// the merge fills work from the right. A's last element goes last and B's first goes first.
func (s *timSortState[T]) mergeHigh(baseA, lengthA, baseB, lengthB int) {
	work := s.work
	temp := append([]T(nil), work[baseB:baseB+lengthB]...)
	dest, cursorTemp, cursorA := baseB+lengthB-1, lengthB-1, baseA+lengthA-1
	work[dest] = work[cursorA]
	dest--
	cursorA--
	lengthA--
	// copyA ends the merge when one element of B is left: the rest of A, then it before them.
	copyA := func() {
		dest -= lengthA
		cursorA -= lengthA
		copy(work[dest+1:dest+1+lengthA], work[cursorA+1:cursorA+1+lengthA])
		work[dest] = temp[cursorTemp]
	}
	// succeed ends the merge when A is used up: the rest of B.
	succeed := func() {
		copy(work[dest-(lengthB-1):dest+1], temp[:lengthB])
	}
	if lengthA == 0 {
		succeed()
		return
	}
	if lengthB == 1 {
		copyA()
		return
	}
	minGallop := s.minGallop
	for {
		winsA, winsB := 0, 0
		for {
			if s.less(temp[cursorTemp], work[cursorA]) {
				work[dest] = work[cursorA]
				dest--
				cursorA--
				winsA++
				lengthA--
				winsB = 0
				if lengthA == 0 {
					succeed()
					return
				}
				if winsA >= minGallop {
					break
				}
			} else {
				work[dest] = temp[cursorTemp]
				dest--
				cursorTemp--
				winsB++
				lengthB--
				winsA = 0
				if lengthB == 1 {
					copyA()
					return
				}
				if winsB >= minGallop {
					break
				}
			}
		}
		minGallop++
		for first := true; first || winsA >= timSortMinGallop || winsB >= timSortMinGallop; first = false {
			minGallop = max(1, minGallop-1)
			s.minGallop = minGallop
			k := s.gallopRight(work, temp[cursorTemp], baseA, lengthA, lengthA-1)
			winsA = lengthA - k
			if winsA > 0 {
				dest -= winsA
				cursorA -= winsA
				copy(work[dest+1:dest+1+winsA], work[cursorA+1:cursorA+1+winsA])
				lengthA -= winsA
				if lengthA == 0 {
					succeed()
					return
				}
			}
			work[dest] = temp[cursorTemp]
			dest--
			cursorTemp--
			lengthB--
			if lengthB == 1 {
				copyA()
				return
			}
			k = s.gallopLeft(temp, work[cursorA], 0, lengthB, lengthB-1)
			winsB = lengthB - k
			if winsB > 0 {
				dest -= winsB
				cursorTemp -= winsB
				copy(work[dest+1:dest+1+winsB], temp[cursorTemp+1:cursorTemp+1+winsB])
				lengthB -= winsB
				if lengthB == 1 {
					copyA()
					return
				}
				// Only an inconsistent comparator empties B here.
				if lengthB == 0 {
					succeed()
					return
				}
			}
			work[dest] = work[cursorA]
			dest--
			cursorA--
			lengthA--
			if lengthA == 0 {
				succeed()
				return
			}
		}
		minGallop++
		s.minGallop = minGallop
	}
}
