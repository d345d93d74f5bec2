// Command testapp is the workload kindj's cluster tests run: a static binary, so its image is
// built FROM scratch here without pulling anything.
//
//	testapp serve PORT MESSAGE   answers every HTTP request on TCP PORT, and every datagram on
//	                             UDP PORT, with MESSAGE
//	testapp get URL SECONDS      fetches URL until it answers 200 or SECONDS pass; prints the body
//	testapp api PATH SECONDS     the same against the API server, as the pod's ServiceAccount
package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

const serviceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount/"

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: testapp serve PORT MESSAGE | testapp get URL SECONDS | testapp api PATH SECONDS")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "serve":
		message := os.Args[3]
		http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, message) })
		go echoUDP(os.Args[2], message)
		fmt.Fprintln(os.Stderr, http.ListenAndServe(":"+os.Args[2], nil))
		os.Exit(1)
	case "get":
		os.Exit(get(&http.Client{Timeout: 2 * time.Second}, os.Args[2], "", deadline(os.Args[3])))
	case "api":
		client, token, err := serviceAccountClient()
		if err != nil {
			fmt.Fprintln(os.Stderr, "no ServiceAccount credentials:", err)
			os.Exit(1)
		}
		os.Exit(get(client, "https://kubernetes.default.svc"+os.Args[2], token, deadline(os.Args[3])))
	default:
		fmt.Fprintln(os.Stderr, "unknown mode", os.Args[1])
		os.Exit(2)
	}
}

func deadline(seconds string) time.Time {
	n, err := strconv.Atoi(seconds)
	if err != nil {
		fmt.Fprintln(os.Stderr, "SECONDS must be a number:", err)
		os.Exit(2)
	}
	return time.Now().Add(time.Duration(n) * time.Second)
}

// serviceAccountClient trusts only the cluster CA the kubelet mounted, as in-cluster clients do.
func serviceAccountClient() (*http.Client, string, error) {
	token, err := os.ReadFile(serviceAccountDir + "token")
	if err != nil {
		return nil, "", err
	}
	ca, err := os.ReadFile(serviceAccountDir + "ca.crt")
	if err != nil {
		return nil, "", err
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(ca)
	transport := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots}}
	return &http.Client{Timeout: 2 * time.Second, Transport: transport}, string(token), nil
}

func get(client *http.Client, url, token string, deadline time.Time) int {
	for {
		request, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		if token != "" {
			request.Header.Set("Authorization", "Bearer "+token)
		}
		response, err := client.Do(request)
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

// echoUDP answers each datagram with message, for UDP Services.
func echoUDP(port, message string) {
	conn, err := net.ListenPacket("udp", ":"+port)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	buffer := make([]byte, 2048)
	for {
		_, from, err := conn.ReadFrom(buffer)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		conn.WriteTo([]byte(message+"\n"), from)
	}
}
