/// An error in building Fock-space objects: what went wrong and how to fix it.
public struct FockSpaceError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

/// The Fock space of a finite list of fermionic modes, with the Jordan–Wigner representation.
///
/// Basis state `n` (an integer) has mode `modes[j]` occupied iff bit j of n is set;
/// |n⟩ = (c_0†)^{n_0} (c_1†)^{n_1} … |0⟩ with mode 0 leftmost. Then
/// c_j |n⟩ = (−1)^{Σ_{i<j} n_i} |n − e_j⟩ and c_j† |n⟩ = (−1)^{Σ_{i<j} n_i} |n + e_j⟩ (Jordan–Wigner).
public struct FockSpace: Hashable, Sendable {
    public let modes: [Mode]
    let position: [Mode: Int]

    public init(_ modes: [Mode]) throws {
        guard Set(modes).count == modes.count else {
            throw FockSpaceError("FockSpace: a mode is listed twice in \(modes) (fix: list each mode once)")
        }
        guard modes.count <= 24 else {
            throw FockSpaceError("FockSpace: \(modes.count) modes exceed the limit 24 for explicit matrices (fix: use fewer modes)")
        }
        self.modes = modes
        var p: [Mode: Int] = [:]
        for (i, m) in modes.enumerated() { p[m] = i }
        position = p
    }

    /// 2^M.
    public var dimension: Int { 1 << modes.count }
    /// Bit index of a mode.
    public func index(of m: Mode) -> Int? { position[m] }

    /// Occupation of `m` in basis state n.
    public func isOccupied(_ m: Mode, in n: Int) -> Bool { (n >> position[m]!) & 1 == 1 }

    /// The basis state with exactly the given modes occupied.
    public func state(occupied: [Mode]) throws -> Int {
        var n = 0
        for m in occupied {
            guard let j = position[m] else { throw FockSpaceError("FockSpace.state: mode \(m) is not in this space (fix: add it to the mode list)") }
            n |= 1 << j
        }
        return n
    }

    /// Applies one ladder operator to basis state n: (sign, new state), or nil when the result is 0.
    @inline(__always)
    public func apply(_ l: Ladder, to n: Int) -> (Int, Int)? {
        let j = position[l.mode]!
        let occupied = (n >> j) & 1 == 1
        if occupied == l.isCreation { return nil }
        let parity = (n & ((1 << j) - 1)).nonzeroBitCount & 1
        return (parity == 0 ? 1 : -1, n ^ (1 << j))
    }

    /// The matrix of an operator in this basis: A_{m n} = ⟨m| A |n⟩ (words act right to left).
    public func matrix<C>(_ op: FermionOperator<C>) throws -> SparseMatrix<C> {
        for m in op.modes where position[m] == nil {
            throw FockSpaceError("FockSpace.matrix: mode \(m) of the operator is not in this space (fix: add it to the mode list)")
        }
        var a = SparseMatrix<C>(rows: dimension, columns: dimension)
        for (word, c) in op.terms {
            for n in 0..<dimension {
                var state = n
                var sign = 1
                var alive = true
                for l in word.reversed() {
                    guard let (s, next) = apply(l, to: state) else { alive = false; break }
                    sign *= s
                    state = next
                }
                if alive { a.add(state, n, sign == 1 ? c : -c) }
            }
        }
        return a
    }
}

extension FockSpace {
    /// The matrix of a floating operator in compressed sparse row form, A_{m n} = ⟨m| A |n⟩; equal
    /// entrywise to `matrix(_:)`. Each word is turned into bit positions once and then applied to
    /// every basis state with integer operations only (Jordan–Wigner sign from a popcount).
    public func compressedMatrix(_ op: FermionOperator<ComplexDouble>) throws -> CompressedSparseMatrix {
        for m in op.modes where position[m] == nil {
            throw FockSpaceError("FockSpace.compressedMatrix: mode \(m) of the operator is not in this space (fix: add it to the mode list)")
        }
        // Words act right to left: store the ladders in application order.
        let words: [(bits: [Int], creation: [Bool], c: ComplexDouble)] = op.terms.map { word, c in
            (word.reversed().map { position[$0.mode]! }, word.reversed().map(\.isCreation), c)
        }
        var triplets: [(Int, Int, ComplexDouble)] = []
        for (bits, creation, c) in words {
            for n in 0..<dimension {
                var state = n
                var odd = false
                var alive = true
                for (j, create) in zip(bits, creation) {
                    if ((state >> j) & 1 == 1) == create { alive = false; break }
                    odd = odd != ((state & ((1 << j) - 1)).nonzeroBitCount & 1 == 1)
                    state ^= 1 << j
                }
                if alive { triplets.append((state, n, odd ? -c : c)) }
            }
        }
        return CompressedSparseMatrix(rows: dimension, columns: dimension, triplets: triplets)
    }
}
