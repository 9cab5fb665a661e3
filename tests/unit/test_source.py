import pytest

from newslint.documents.source import InputError, decode, read_source


def test_positions_count_code_points_with_crlf_tabs_and_emoji():
    source = decode("a\r\n\tb 🎉 “c”\r\nd".encode(), "x.txt")
    assert source.position(source.text.index("b")) == (2, 2)
    assert source.position(source.text.index("“")) == (2, 6)
    assert source.position(source.text.index("d")) == (3, 1)


def test_lone_cr_line_ends_count_as_lines():
    source = decode(b"one\rtwo\rthree", "x.txt")
    assert source.position(source.text.index("three")) == (3, 1)
    assert source.line_text(2) == "two"


def test_bom_is_not_a_column():
    source = decode("\ufeffHello".encode(), "x.txt")
    assert source.bom and source.text == "Hello"
    assert source.position(0) == (1, 1)


def test_invalid_utf8_names_file_and_byte_offset():
    with pytest.raises(InputError, match=r"x\.txt: invalid UTF-8 at byte offset 3"):
        decode(b"abc\xff", "x.txt")


def test_invalid_utf8_offset_counts_the_bom():
    with pytest.raises(InputError, match="byte offset 4"):
        decode(b"\xef\xbb\xbfa\xc3", "x.txt")


def test_binary_file_is_refused():
    with pytest.raises(InputError, match=r"x\.bin: binary file \(NUL byte at byte offset 2\)"):
        decode(b"ab\x00cd", "x.bin")


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(InputError, match=r"big\.txt: file is 500 bytes, over the limit of 100"):
        read_source(path, "big.txt", max_bytes=100)


def test_unreadable_path_is_named(tmp_path):
    with pytest.raises(InputError, match=r"gone\.txt: cannot read"):
        read_source(tmp_path / "gone.txt", "gone.txt")
