// Command testapp is the workload kindj's cluster tests run: a static binary, so its image is
// built FROM scratch here without pulling anything.
//
//	testapp serve PORT MESSAGE   answers every HTTP request with MESSAGE
//	testapp get URL SECONDS      fetches URL until it answers 200 or SECONDS pass; prints the body
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: testapp serve PORT MESSAGE | testapp get URL SECONDS")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "serve":
		message := os.Args[3]
		http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, message) })
		fmt.Fprintln(os.Stderr, http.ListenAndServe(":"+os.Args[2], nil))
		os.Exit(1)
	case "get":
		seconds, err := strconv.Atoi(os.Args[3])
		if err != nil {
			fmt.Fprintln(os.Stderr, "SECONDS must be a number:", err)
			os.Exit(2)
		}
		os.Exit(get(os.Args[2], time.Now().Add(time.Duration(seconds)*time.Second)))
	default:
		fmt.Fprintln(os.Stderr, "unknown mode", os.Args[1])
		os.Exit(2)
	}
}

func get(url string, deadline time.Time) int {
	client := http.Client{Timeout: 2 * time.Second}
	for {
		response, err := client.Get(url)
		if err == nil {
			body, _ := io.ReadAll(response.Body)
			response.Body.Close()
			if response.StatusCode == http.StatusOK {
				fmt.Print(string(body))
				return 0
			}
			err = fmt.Errorf("status %s", response.Status)
		}
		if time.Now().After(deadline) {
			fmt.Fprintln(os.Stderr, "giving up:", err)
			return 1
		}
		fmt.Fprintln(os.Stderr, "retrying:", err)
		time.Sleep(time.Second)
	}
}
